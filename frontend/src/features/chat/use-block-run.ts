import { useContext } from "react";
import { getErrorMessage } from "@/lib/api-error";
import { languageName } from "@/lib/code-languages";
import { useRunReplyBlock } from "./api";
import { ConversationRunsContext, ReplyRunsContext } from "./run-context";

const NO_FILES = "Attach a file to the conversation to run its code on it.";

/**
 * Running a reply's block by hand (the Run button): against the conversation's files, the run
 * joining the block's others under it. `runnable` is false where nothing can run: not Python, not
 * saved in the library, or outside a stored conversation.
 */
export function useBlockRun(language: string | null, blockId: string | null) {
  const conversation = useContext(ConversationRunsContext);
  const reply = useContext(ReplyRunsContext);
  const runBlock = useRunReplyBlock(conversation?.conversationId ?? null);
  const runnable =
    languageName(language) === "Python" && blockId !== null && !!conversation && !!reply;
  const fileIds = conversation?.fileIds ?? [];

  const isRunning = (versionId: string) =>
    (reply?.running.includes(versionId) ?? false) ||
    (runBlock.isPending && runBlock.variables?.versionId === versionId);

  return {
    runnable,
    autoRun: conversation?.autoRun ?? true,
    /** Why Run cannot be pressed now, or null. */
    blocked: reply?.live
      ? "The reply is still being written."
      : fileIds.length === 0
        ? NO_FILES
        : runBlock.isPending
          ? "Another run of this block is on its way."
          : null,
    isRunning,
    run: (versionId: string) => {
      if (!reply || fileIds.length === 0) return;
      runBlock.mutate({ versionId, fileIds, messageId: reply.messageId });
    },
    error: runBlock.isError
      ? getErrorMessage(runBlock.error, "The code could not be run. Try again.")
      : null,
    failedVersionId: runBlock.isError ? (runBlock.variables?.versionId ?? null) : null,
  };
}

export type BlockRun = ReturnType<typeof useBlockRun>;
