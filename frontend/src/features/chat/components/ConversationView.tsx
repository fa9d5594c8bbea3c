import { Flex } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  conversationQueryOptions,
  meQueryOptions,
  messagesQueryOptions,
  useChooseModel,
} from "../api";
import { focusComposer } from "../focus";
import { ConversationRunsContext } from "../run-context";
import { mergeTimeline } from "../timeline";
import { useChatStream } from "../use-chat-stream";
import { useConversationAttachments } from "../use-conversation-attachments";
import { useModelSelection } from "../use-model-selection";
import { ChatComposer } from "./ChatComposer";
import { ChatEmptyState } from "./ChatEmptyState";
import { ChatThread } from "./ChatThread";
import { ConversationMissing, MessagesSkeleton, NotSentAlert } from "./ConversationStates";
import { MessageList } from "./MessageList";

// A reply stored as "streaming" that this tab is not streaming (another tab, or a stop the server
// has not finished recording): look again until it settles.
const SETTLING_POLL_MS = 2000;

/** A stored conversation: its messages, the live reply, and the composer. */
export function ConversationView({ conversationId }: { conversationId: string }) {
  const conversation = useQuery(conversationQueryOptions(conversationId));
  const stream = useChatStream(conversationId);
  const messages = useQuery({
    ...messagesQueryOptions(conversationId),
    refetchInterval: (query) =>
      !stream.streaming && query.state.data?.data.some((m) => m.status === "streaming")
        ? SETTLING_POLL_MS
        : false,
  });
  const attachments = useConversationAttachments(conversationId, conversation.data);
  const me = useQuery(meQueryOptions());
  const autoRun = me.data?.settings.auto_run ?? true;
  const fileIdsKey = attachments.files.map((file) => file.id).join(",");
  const runs = useMemo(
    () => ({ conversationId, fileIds: fileIdsKey ? fileIdsKey.split(",") : [], autoRun }),
    [conversationId, fileIdsKey, autoRun],
  );
  const chooseModel = useChooseModel();
  const model = useModelSelection(conversation.data ?? null, (selection) =>
    chooseModel.mutate({ conversationId, ...selection }),
  );
  const [draft, setDraft] = useState("");
  const [chooserOpen, setChooserOpen] = useState(false);
  const [followFrom, setFollowFrom] = useState(0);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const { streaming, failure, reply } = stream;

  // Back to the keyboard once the reply is in (the text box waits while it streams).
  useEffect(() => {
    if (!streaming) focusComposer(textareaRef);
  }, [streaming]);

  // A question the server refused was not stored: give it back to edit and send again.
  const refused = failure !== null && reply?.request.kind === "send" ? reply.request.content : null;
  useEffect(() => {
    if (refused) setDraft((current) => current || refused);
  }, [refused]);

  if (conversation.isError) return <ConversationMissing error={conversation.error} />;

  const send = () => {
    const content = draft.trim();
    if (!content) return;
    stream.send({ conversationId, content, ...model.selection });
    setDraft("");
    setFollowFrom((count) => count + 1);
  };
  const timeline = mergeTimeline(messages.data?.data ?? [], reply);

  return (
    <Flex direction="column" h="full" minH="0">
      <ChatThread follow={timeline.length > 0} followFrom={followFrom} streaming={streaming}>
        {messages.isError && !messages.data ? (
          <ConversationMissing error={messages.error} />
        ) : messages.isPending ? (
          <MessagesSkeleton />
        ) : timeline.length === 0 ? (
          <ChatEmptyState
            hasFiles={attachments.files.length > 0}
            hasKeys={model.hasKeys}
            onChooseFile={() => setChooserOpen(true)}
            onSuggestion={(text) => {
              setDraft(text);
              requestAnimationFrame(() => focusComposer(textareaRef));
            }}
          />
        ) : (
          <ConversationRunsContext.Provider value={runs}>
            <MessageList messages={timeline} onRetry={stream.retry} retryDisabled={streaming} />
          </ConversationRunsContext.Provider>
        )}
      </ChatThread>
      <ChatComposer
        draft={draft}
        onDraftChange={setDraft}
        onSend={() => {
          stream.dismissFailure();
          send();
        }}
        onStop={stream.stop}
        streaming={streaming}
        sending={false}
        attachments={attachments}
        chooserOpen={chooserOpen}
        onChooserOpenChange={setChooserOpen}
        choices={model.choices}
        selection={model.selection}
        onSelectionChange={model.choose}
        textareaRef={textareaRef}
        notice={
          <NotSentAlert
            message={failure}
            retry={reply?.request.kind === "retry"}
            onDismiss={stream.dismissFailure}
          />
        }
      />
    </Flex>
  );
}
