import type { RefObject } from "react";

/**
 * Puts the caret in the composer, except on touch screens, where focusing would open the
 * on-screen keyboard over the conversation the person wants to read.
 */
export function focusComposer(ref: RefObject<HTMLTextAreaElement | null>) {
  const textarea = ref.current;
  if (!textarea || textarea.disabled) return;
  if (window.matchMedia("(pointer: coarse)").matches) return;
  textarea.focus({ preventScroll: true });
  const end = textarea.value.length;
  textarea.setSelectionRange(end, end);
}
