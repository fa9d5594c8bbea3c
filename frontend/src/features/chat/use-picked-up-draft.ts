import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { FileSummary } from "@/client";
import { clearComposerDraft, peekComposerDraft } from "@/lib/composer-draft";
import { filesByIdQueryOptions } from "./api";

const NO_FILES: string[] = [];

/**
 * The draft another page left for a new chat (lib/composer-draft): its text at once, its files
 * once they are read. Taken when the chat opens, so it fills one new chat only.
 */
export function usePickedUpDraft(): { text: string; files: FileSummary[] | undefined } {
  const [draft] = useState(peekComposerDraft);
  useEffect(() => clearComposerDraft(), []);
  const files = useQuery(filesByIdQueryOptions(draft?.fileIds ?? NO_FILES));
  return { text: draft?.text ?? "", files: files.data };
}
