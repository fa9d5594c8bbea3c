import { createContext } from "react";

// What a reply's code block needs to run, without threading it through the markdown renderer.

/** The conversation's side: its files (the run's data, `df` first) and the user's choice. */
export type ConversationRuns = {
  conversationId: string;
  fileIds: string[];
  /** settings.auto_run: replies run their Python blocks by themselves. */
  autoRun: boolean;
};

export const ConversationRunsContext = createContext<ConversationRuns | null>(null);

/** The reply's side: which message the blocks belong to and what runs now. */
export type ReplyRuns = {
  messageId: string;
  /** Still streaming: its blocks run by themselves, if they run at all. */
  live: boolean;
  /** Block version ids the stream announced as running. */
  running: readonly string[];
};

export const ReplyRunsContext = createContext<ReplyRuns | null>(null);
