import { HStack, Text } from "@chakra-ui/react";
import { LuFileSpreadsheet, LuLibrary, LuMessagesSquare } from "react-icons/lu";
import type { ExecutionPublic } from "@/client";
import { formatDuration } from "@/components/run-result/duration";
import { RunStatusBadge } from "@/components/run-result/RunStatusBadge";
import { formatDateTime, formatRelativeTime } from "@/lib/format";
import { runFileName } from "../run-files";

/** A run in the history, folded: status, version, file, duration, where and when. */
export function RunHistoryRow({ run }: { run: ExecutionPublic }) {
  const fromChat = run.source === "chat";
  return (
    <HStack gap="3" flex="1" minW="0" wrap="wrap" textStyle="sm" fontWeight="normal">
      <RunStatusBadge status={run.status} />
      <Text fontWeight="medium">Version {run.version}</Text>
      <HStack gap="1" minW="0" color="fg.muted">
        <LuFileSpreadsheet aria-hidden />
        <Text truncate maxW="xs">
          {runFileName(run)}
        </Text>
      </HStack>
      <Text color="fg.muted">{formatDuration(run.duration_ms)}</Text>
      <HStack gap="1" color="fg.muted" ms="auto" title={fromChat ? "Run in a chat" : "Run here"}>
        {fromChat ? <LuMessagesSquare aria-hidden /> : <LuLibrary aria-hidden />}
        <Text srOnly>{fromChat ? "In a chat," : "From the library,"}</Text>
        <time dateTime={run.created_at} title={formatDateTime(run.created_at)}>
          {formatRelativeTime(run.created_at)}
        </time>
      </HStack>
    </HStack>
  );
}
