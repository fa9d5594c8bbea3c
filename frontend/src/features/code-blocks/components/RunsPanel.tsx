import { Accordion, Button, Center, HStack, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { LuPlay } from "react-icons/lu";
import type { ExecutionPublic } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { RunOutput } from "@/components/run-result/RunOutput";
import { getErrorMessage } from "@/lib/api-error";
import { formatCount } from "@/lib/format";
import { codeBlockRunsQueryOptions, downloadRunCsv } from "../api";
import { RunHistoryRow } from "./RunHistoryRow";

type RunsPanelProps = {
  blockId: string;
  /** Offered when there is no run yet (Python only). */
  onRun?: () => void;
};

function NoRuns({ onRun }: { onRun?: () => void }) {
  return (
    <Center py="10" px="4" borderWidth="1px" borderStyle="dashed" rounded="lg">
      <Stack gap="3" align="center" textAlign="center">
        <Text color="fg.muted" textStyle="sm">
          No runs yet. Each run, in a chat or here, is kept with its version, file, time and output.
        </Text>
        {onRun && (
          <Button size="sm" colorPalette="brand" onClick={onRun}>
            <LuPlay aria-hidden />
            Run on files
          </Button>
        )}
      </Stack>
    </Center>
  );
}

/** Every run of the entry, newest first: a row each, opening on what the run gave. */
export function RunsPanel({ blockId, onRun }: RunsPanelProps) {
  const runs = useQuery(codeBlockRunsQueryOptions(blockId));
  const list: ExecutionPublic[] | undefined = runs.data?.data;

  if (!list) {
    if (runs.isError) return <FormAlert message={getErrorMessage(runs.error)} />;
    return (
      <Stack gap="2" aria-busy="true" aria-label="Loading runs">
        <Skeleton h="12" />
        <Skeleton h="12" />
      </Stack>
    );
  }
  if (list.length === 0) return <NoRuns onRun={onRun} />;
  const count = runs.data?.count ?? list.length;

  return (
    <Stack as="section" aria-label="Run history" gap="3">
      <HStack justify="space-between" textStyle="sm" color="fg.muted">
        <Text>
          {formatCount(count, "run", "runs")}
          {count > list.length ? `, the latest ${list.length} shown` : ""}
        </Text>
      </HStack>
      <Accordion.Root multiple collapsible lazyMount variant="enclosed" bg="bg">
        {list.map((run) => (
          <Accordion.Item key={run.id} value={run.id}>
            <Accordion.ItemTrigger>
              <RunHistoryRow run={run} />
              <Accordion.ItemIndicator />
            </Accordion.ItemTrigger>
            <Accordion.ItemContent>
              <Accordion.ItemBody>
                <RunOutput run={run} onDownloadCsv={downloadRunCsv} hideStatus />
              </Accordion.ItemBody>
            </Accordion.ItemContent>
          </Accordion.Item>
        ))}
      </Accordion.Root>
    </Stack>
  );
}
