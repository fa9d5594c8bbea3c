import { Badge, Box, Button, HStack, Stack, Text } from "@chakra-ui/react";
import { memo, useMemo } from "react";
import { LuCircleStop, LuRotateCcw } from "react-icons/lu";
import { ProviderIcon } from "@/components/ProviderIcon";
import { formatInteger } from "@/lib/format";
import { providerModelLabel } from "@/lib/providers";
import { ReplyRunsContext } from "../run-context";
import type { TimelineMessage } from "../timeline";
import { Markdown } from "./Markdown";
import { ReplyFailure } from "./ReplyFailure";
import { TypingIndicator } from "./TypingIndicator";

type AssistantMessageProps = {
  message: TimelineMessage;
  /** Offered on the latest reply when it failed or was stopped. */
  onRetry?: (messageId: string) => void;
  retryDisabled?: boolean;
};

function usageLine(message: TimelineMessage): string | null {
  const { input_tokens: input, output_tokens: output } = message;
  if (input == null || output == null || (input === 0 && output === 0)) return null;
  return `${formatInteger(input)} tokens in · ${formatInteger(output)} out`;
}

function typingLabel(message: TimelineMessage): string {
  if (message.running.length > 0) return "Running the code";
  return message.content ? "Still writing" : "Thinking";
}

/** One reply: who wrote it, the streaming markdown, and how it ended (stopped, failed). */
export const AssistantMessage = memo(function AssistantMessage({
  message,
  onRetry,
  retryDisabled,
}: AssistantMessageProps) {
  const streaming = message.live && message.status === "streaming";
  const author = providerModelLabel(message.provider, message.model);
  const usage = streaming ? null : usageLine(message);
  const retry = onRetry ? () => onRetry(message.id) : undefined;
  const runs = useMemo(
    () => ({ messageId: message.id, live: message.live, running: message.running }),
    [message.id, message.live, message.running],
  );

  return (
    // The label stays short and generic: the author (provider and model) is written inside.
    <Box as="article" aria-label="Assistant reply" aria-busy={streaming}>
      <HStack gap="2" mb="2" minH="7">
        <ProviderIcon provider={message.provider ?? "builtin"} iconSize={14} rounded="full" />
        {message.provider || message.model ? (
          <Badge variant="subtle" size="sm" fontWeight="medium">
            {author}
          </Badge>
        ) : (
          <Text textStyle="sm" color="fg.muted">
            Red Panda
          </Text>
        )}
      </HStack>
      <Stack gap="0" ps={{ base: "0", md: "9" }}>
        {message.content ? (
          <ReplyRunsContext.Provider value={runs}>
            <Markdown content={message.content} codeBlocks={message.code_blocks} />
          </ReplyRunsContext.Provider>
        ) : null}
        {streaming && <TypingIndicator label={typingLabel(message)} />}
        {message.status === "cancelled" && !message.content && (
          <Text color="fg.muted" fontStyle="italic">
            Stopped before any text arrived.
          </Text>
        )}
        {message.status === "error" && (
          <ReplyFailure
            error={message.error ?? "The provider stopped answering."}
            onRetry={retry}
            retryDisabled={retryDisabled}
          />
        )}
        {(message.status === "cancelled" || usage) && (
          <HStack mt="3" gap="3" color="fg.subtle" textStyle="xs">
            {message.status === "cancelled" && (
              <Badge colorPalette="orange" variant="subtle" size="sm">
                <LuCircleStop aria-hidden />
                Stopped
              </Badge>
            )}
            {usage && <Text>{usage}</Text>}
            {message.status === "cancelled" && retry && (
              <Button size="xs" variant="ghost" onClick={retry} disabled={retryDisabled}>
                <LuRotateCcw aria-hidden />
                Retry
              </Button>
            )}
          </HStack>
        )}
      </Stack>
    </Box>
  );
});
