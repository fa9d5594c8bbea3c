import type { ConversationDetail } from "@/client";
import { getErrorMessage } from "@/lib/api-error";
import { useAttachFile, useDetachFile } from "./api";
import type { Attachments } from "./attachments";

/** A stored conversation's files: attaching and detaching are saved at once. */
export function useConversationAttachments(
  conversationId: string,
  conversation: ConversationDetail | undefined,
): Attachments {
  const attachFile = useAttachFile();
  const detachFile = useDetachFile();
  const failed = attachFile.error ?? detachFile.error;

  return {
    files: conversation?.files ?? [],
    attach: (file) => {
      detachFile.reset();
      attachFile.mutate({ conversationId, fileId: file.id });
    },
    detach: (file) => {
      attachFile.reset();
      detachFile.mutate({ conversationId, fileId: file.id });
    },
    pendingId:
      (attachFile.isPending && attachFile.variables?.fileId) ||
      (detachFile.isPending && detachFile.variables?.fileId) ||
      null,
    error: failed ? getErrorMessage(failed) : null,
  };
}
