import { Stack } from "@chakra-ui/react";
import type { TimelineMessage } from "../timeline";
import { AssistantMessage } from "./AssistantMessage";
import { UserMessage } from "./UserMessage";

type MessageListProps = {
  messages: TimelineMessage[];
  onRetry: (messageId: string) => void;
  /** True while another reply streams: one at a time. */
  retryDisabled: boolean;
};

/** The id of the reply that may be retried: the latest one, once it failed or was stopped. */
function retryableId(messages: TimelineMessage[]): string | null {
  const last = messages.at(-1);
  if (last?.role !== "assistant" || last.live) return null;
  return last.status === "error" || last.status === "cancelled" ? last.id : null;
}

/** The conversation, oldest first; new messages and streamed text are announced politely. */
export function MessageList({ messages, onRetry, retryDisabled }: MessageListProps) {
  const retryable = retryableId(messages);

  return (
    <Stack role="log" aria-live="polite" aria-label="Transcript" gap="8">
      {messages.map((message) =>
        message.role === "user" ? (
          <UserMessage key={message.id} content={message.content} />
        ) : (
          <AssistantMessage
            key={message.id}
            message={message}
            onRetry={message.id === retryable ? onRetry : undefined}
            retryDisabled={retryDisabled}
          />
        ),
      )}
    </Stack>
  );
}
