import type { FileSummary } from "@/client";

/** The files a question is about, and how to change them (locally for a new chat, else on the server). */
export type Attachments = {
  files: FileSummary[];
  attach: (file: FileSummary) => void;
  detach: (file: FileSummary) => void;
  /** The file being attached or detached right now. */
  pendingId: string | null;
  error: string | null;
};
