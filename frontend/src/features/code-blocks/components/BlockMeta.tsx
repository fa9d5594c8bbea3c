import { HStack, Text } from "@chakra-ui/react";
import { LuMessagesSquare, LuPlay, LuUser } from "react-icons/lu";
import type { CodeBlockSummary } from "@/client";
import { TextLink } from "@/components/TextLink";
import { formatCount, formatDateTime, formatRelativeTime } from "@/lib/format";

/** A conversation's name as the chat's list shows it, also before it has a title. */
export function chatName(title: string | null): string {
  return title?.trim() || "New conversation";
}

/** "Ran 3 times on 2 files"; null before the first run. */
export function runCountText(runCount: number, distinctFiles: number): string | null {
  if (runCount === 0) return null;
  const times = runCount === 1 ? "once" : formatCount(runCount, "time", "times");
  return `Ran ${times} on ${formatCount(distinctFiles, "file", "files")}`;
}

/** Where a block came from, when it last changed and how often it ran, in one quiet line. */
export function BlockMeta({ block }: { block: CodeBlockSummary }) {
  const ran = runCountText(block.run_count, block.distinct_file_count);
  return (
    <HStack gap="1.5" textStyle="xs" color="fg.muted" minW="0" wrap="wrap">
      {block.source === "user" ? (
        <HStack gap="1">
          <LuUser aria-hidden />
          <Text>Your snippet</Text>
        </HStack>
      ) : (
        <HStack gap="1" minW="0">
          <LuMessagesSquare aria-hidden />
          {block.conversation_id ? (
            <TextLink
              to="/chat/$conversationId"
              params={{ conversationId: block.conversation_id }}
              truncate
              maxW="48"
              fontWeight="normal"
              title={`From the chat “${chatName(block.conversation_title)}”`}
            >
              {chatName(block.conversation_title)}
            </TextLink>
          ) : (
            <Text>From a deleted chat</Text>
          )}
        </HStack>
      )}
      <Text aria-hidden>·</Text>
      <Text>
        {block.versions_count > 1 ? `v${block.version} · ` : ""}
        <time dateTime={block.updated_at} title={formatDateTime(block.updated_at)}>
          {formatRelativeTime(block.updated_at)}
        </time>
      </Text>
      {ran && (
        // The icon sets it apart: no separator dot that could end a wrapped line.
        <HStack gap="1" ms="1">
          <LuPlay aria-hidden />
          <Text>{ran}</Text>
        </HStack>
      )}
    </HStack>
  );
}
