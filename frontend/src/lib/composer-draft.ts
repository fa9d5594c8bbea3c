// A question prepared elsewhere (the code library's "Use in chat") for the next new chat to pick
// up: the text for its composer and the files to attach. It lives in sessionStorage, so it
// survives the navigation but not the tab, and is taken once.

const DRAFT_KEY = "composer_draft";

export type ComposerDraft = {
  text: string;
  /** Files to attach, by id; ones deleted since are skipped. */
  fileIds: string[];
};

export function setComposerDraft(draft: ComposerDraft): void {
  try {
    window.sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage can be unavailable (privacy modes): the chat then opens empty.
  }
}

function isDraft(value: unknown): value is ComposerDraft {
  if (typeof value !== "object" || value === null) return false;
  const { text, fileIds } = value as Partial<ComposerDraft>;
  return (
    typeof text === "string" &&
    Array.isArray(fileIds) &&
    fileIds.every((id) => typeof id === "string")
  );
}

/** The waiting draft, if any; it stays until clearComposerDraft (so a re-render reads it again). */
export function peekComposerDraft(): ComposerDraft | null {
  try {
    const stored = window.sessionStorage.getItem(DRAFT_KEY);
    if (!stored) return null;
    const parsed: unknown = JSON.parse(stored);
    return isDraft(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function clearComposerDraft(): void {
  try {
    window.sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
