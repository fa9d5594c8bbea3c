import { Input } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { ConversationSummary } from "@/client";
import { FormDialog } from "@/components/FormDialog";
import { FormField } from "@/components/form/FormField";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useRenameConversation } from "../api";

const MAX_TITLE_CHARS = 200;

const renameSchema = z.object({
  title: z
    .string()
    .trim()
    .min(1, "Enter a title")
    .max(MAX_TITLE_CHARS, `At most ${MAX_TITLE_CHARS} characters`),
});
type RenameValues = z.infer<typeof renameSchema>;

type RenameConversationDialogProps = {
  conversation: ConversationSummary | null;
  onClose: () => void;
};

export function RenameConversationDialog({ conversation, onClose }: RenameConversationDialogProps) {
  const rename = useRenameConversation();
  // Keep showing the last title while the dialog animates out after `conversation` becomes null.
  const [shown, setShown] = useState(conversation);
  if (conversation && conversation !== shown) setShown(conversation);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const form = useForm<RenameValues>({
    mode: "onChange",
    resolver: zodResolver(renameSchema),
    values: { title: shown?.title ?? "" },
  });
  const { ref: registerRef, ...field } = form.register("title");

  const close = () => {
    onClose();
    rename.reset();
  };

  const onSubmit = form.handleSubmit(({ title }) => {
    if (!conversation) return;
    if (title === conversation.title) {
      close();
      return;
    }
    rename.mutate(
      { conversationId: conversation.id, title },
      {
        onSuccess: () => {
          toaster.success({ title: "Conversation renamed", description: title });
          close();
        },
      },
    );
  });

  return (
    <FormDialog
      open={conversation !== null}
      onClose={close}
      title="Rename conversation"
      onSubmit={onSubmit}
      submitLabel="Save"
      pending={rename.isPending}
      error={rename.isError ? getErrorMessage(rename.error) : null}
      initialFocusEl={() => inputRef.current}
    >
      <FormField label="Title" error={form.formState.errors.title?.message}>
        <Input
          {...field}
          ref={(element) => {
            registerRef(element);
            inputRef.current = element;
          }}
          autoComplete="off"
          maxLength={MAX_TITLE_CHARS}
        />
      </FormField>
    </FormDialog>
  );
}
