import { Textarea, type TextareaProps } from "@chakra-ui/react";
import { type KeyboardEvent, type Ref, useRef } from "react";

const INDENT = "    ";

type CodeTextareaProps = Omit<TextareaProps, "onKeyDown"> & {
  ref?: Ref<HTMLTextAreaElement>;
  /** Ctrl+Enter (Cmd+Enter on a Mac) */
  onSubmitShortcut?: () => void;
};

/**
 * A plain text area for code: monospace, no spell check, Tab indents. Escape then Tab leaves the
 * field, so keyboard users are never trapped in it.
 */
export function CodeTextarea({ onSubmitShortcut, ...props }: CodeTextareaProps) {
  const escaped = useRef(false);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && onSubmitShortcut) {
      event.preventDefault();
      onSubmitShortcut();
      return;
    }
    if (event.key === "Escape") {
      escaped.current = true;
      return;
    }
    const leaving = escaped.current;
    escaped.current = false;
    if (event.key !== "Tab" || event.shiftKey || leaving) return;
    event.preventDefault();
    const area = event.currentTarget;
    // insertText keeps the browser's undo history and fires the input event forms listen to.
    if (!document.execCommand("insertText", false, INDENT)) {
      area.setRangeText(INDENT, area.selectionStart, area.selectionEnd, "end");
      area.dispatchEvent(new Event("input", { bubbles: true }));
    }
  };

  return (
    <Textarea
      fontFamily="mono"
      fontSize="13px"
      lineHeight="1.65"
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      autoComplete="off"
      wrap="off"
      resize="vertical"
      onKeyDown={onKeyDown}
      {...props}
    />
  );
}
