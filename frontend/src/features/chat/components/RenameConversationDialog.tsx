import { z } from "zod";
import type { ConversationSummary } from "@/client";
import { RenameDialog } from "@/components/RenameDialog";
import { useRenameConversation } from "../api";

const MAX_TITLE_CHARS = 200;

const titleSchema = z
  .string()
  .trim()
  .min(1, "Enter a title")
  .max(MAX_TITLE_CHARS, `At most ${MAX_TITLE_CHARS} characters`);

type RenameConversationDialogProps = {
  conversation: ConversationSummary | null;
  onClose: () => void;
};

export function RenameConversationDialog({ conversation, onClose }: RenameConversationDialogProps) {
  const rename = useRenameConversation();
  return (
    <RenameDialog
      item={conversation}
      onClose={onClose}
      title="Rename conversation"
      label="Title"
      currentValue={(shown) => shown.title ?? ""}
      schema={titleSchema}
      mutation={rename}
      variables={(renamed, title) => ({ conversationId: renamed.id, title })}
      successToast={(_saved, title) => ({ title: "Conversation renamed", description: title })}
      inputProps={{ maxLength: MAX_TITLE_CHARS }}
    />
  );
}
