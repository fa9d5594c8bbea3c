import { Text } from "@chakra-ui/react";
import { useState } from "react";
import type { ConversationSummary } from "@/client";
import { ConfirmDialog } from "@/components/ConfirmDialog";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useDeleteConversation } from "../api";
import { conversationTitle } from "../conversation-groups";

type DeleteConversationDialogProps = {
  conversation: ConversationSummary | null;
  onClose: () => void;
  /** Runs once the conversation is gone, before the dialog closes (e.g. leave its page). */
  onDeleted?: (conversationId: string) => void | Promise<void>;
};

export function DeleteConversationDialog({
  conversation,
  onClose,
  onDeleted,
}: DeleteConversationDialogProps) {
  const remove = useDeleteConversation({ onDeleted });
  const [shown, setShown] = useState(conversation);
  if (conversation && conversation !== shown) setShown(conversation);

  const close = () => {
    remove.reset();
    onClose();
  };

  return (
    <ConfirmDialog
      open={conversation !== null}
      onOpenChange={(open) => !open && close()}
      title="Delete conversation?"
      description={
        <Text>
          <Text as="strong" wordBreak="break-word">
            {shown ? conversationTitle(shown) : ""}
          </Text>{" "}
          and all its messages are deleted for good. Its files stay in Files. This cannot be undone.
        </Text>
      }
      confirmLabel="Delete conversation"
      loading={remove.isPending}
      error={remove.isError ? getErrorMessage(remove.error) : null}
      onConfirm={async () => {
        if (!conversation) return;
        try {
          await remove.mutateAsync(conversation.id);
        } catch {
          return; // The dialog shows the server's message.
        }
        toaster.success({
          title: "Conversation deleted",
          description: conversationTitle(conversation),
        });
        close();
      }}
    />
  );
}
