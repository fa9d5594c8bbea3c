import { useNavigate } from "@tanstack/react-router";
import { useCallback } from "react";
import { setComposerDraft } from "@/lib/composer-draft";

export type ChatSeed = {
  title: string;
  code: string;
  language: string | null;
  /** The files the code was written for; the new chat attaches the ones that still exist. */
  fileIds: string[];
};

/** The composer's text: the code in a fence the assistant recognises, then room for a question. */
export function draftText({ title, code, language }: ChatSeed): string {
  // A fence longer than any run of backticks inside the code keeps the code in one piece.
  const longestRun = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  const body = code.replace(/\n+$/, "");
  return `Here is code from my library, “${title}”:\n\n${fence}${language ?? ""}\n${body}\n${fence}\n\n`;
}

/** Opens a new chat with the code in its composer and its files attached. */
export function useChatWithCode() {
  const navigate = useNavigate();
  return useCallback(
    (seed: ChatSeed) => {
      setComposerDraft({ text: draftText(seed), fileIds: seed.fileIds });
      return navigate({ to: "/chat" });
    },
    [navigate],
  );
}
