import { Flex } from "@chakra-ui/react";
import { useEffect, useRef, useState } from "react";
import type { FileSummary } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { getErrorMessage } from "@/lib/api-error";
import { useCreateConversation } from "../api";
import type { Attachments } from "../attachments";
import { focusComposer } from "../focus";
import { useChatStream } from "../use-chat-stream";
import { useModelSelection } from "../use-model-selection";
import { usePickedUpDraft } from "../use-picked-up-draft";
import { ChatComposer } from "./ChatComposer";
import { ChatEmptyState } from "./ChatEmptyState";
import { ChatThread } from "./ChatThread";

type NewChatProps = {
  /** The conversation exists and its first reply is streaming: show it. */
  onStarted: (conversationId: string) => void;
};

/**
 * A chat that does not exist yet: files and model are chosen locally; the first question creates
 * the conversation with them, starts the reply stream, then moves to the conversation's page,
 * where the same stream keeps going.
 */
export function NewChat({ onStarted }: NewChatProps) {
  const pickedUp = usePickedUpDraft();
  const [files, setFiles] = useState<FileSummary[]>([]);
  const [draft, setDraft] = useState(pickedUp.text);
  const [chooserOpen, setChooserOpen] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const model = useModelSelection(null);
  const create = useCreateConversation();
  const { send } = useChatStream(null);

  useEffect(() => focusComposer(textareaRef), []);

  // The draft's files arrive after the first render; files chosen meanwhile stay.
  const draftFiles = pickedUp.files;
  useEffect(() => {
    if (!draftFiles) return;
    setFiles((current) => [
      ...current,
      ...draftFiles.filter((f) => !current.some((c) => c.id === f.id)),
    ]);
  }, [draftFiles]);

  const attachments: Attachments = {
    files,
    attach: (file) =>
      setFiles((current) => (current.some((f) => f.id === file.id) ? current : [...current, file])),
    detach: (file) => setFiles((current) => current.filter((f) => f.id !== file.id)),
    pendingId: null,
    error: null,
  };

  const start = () => {
    const content = draft.trim();
    if (!content || create.isPending) return;
    const { apiKeyId, model: modelName } = model.selection;
    create.mutate(
      { file_ids: files.map((file) => file.id), api_key_id: apiKeyId, model: modelName },
      {
        onSuccess: (conversation) => {
          send({ conversationId: conversation.id, content, apiKeyId, model: modelName });
          onStarted(conversation.id);
        },
      },
    );
  };

  return (
    <Flex direction="column" h="full" minH="0">
      <ChatThread follow={false} followFrom={0} streaming={false}>
        <ChatEmptyState
          hasFiles={files.length > 0}
          hasKeys={model.hasKeys}
          onChooseFile={() => setChooserOpen(true)}
          onSuggestion={(text) => {
            setDraft(text);
            requestAnimationFrame(() => focusComposer(textareaRef));
          }}
        />
      </ChatThread>
      <ChatComposer
        draft={draft}
        onDraftChange={setDraft}
        onSend={start}
        onStop={() => undefined}
        streaming={false}
        sending={create.isPending}
        attachments={attachments}
        chooserOpen={chooserOpen}
        onChooserOpenChange={setChooserOpen}
        choices={model.choices}
        selection={model.selection}
        onSelectionChange={model.choose}
        textareaRef={textareaRef}
        notice={
          <FormAlert
            title="The conversation could not be started"
            message={create.isError ? getErrorMessage(create.error) : null}
          />
        }
      />
    </Flex>
  );
}
