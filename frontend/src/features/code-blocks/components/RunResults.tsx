import { Heading, HStack, Stack } from "@chakra-ui/react";
import { LuFileSpreadsheet } from "react-icons/lu";
import type { ExecutionPublic } from "@/client";
import { RunOutput } from "@/components/run-result/RunOutput";
import { downloadRunCsv } from "../api";
import { runFileName } from "../run-files";

/** What each file's run gave, one after the other. */
export function RunResults({ runs }: { runs: ExecutionPublic[] }) {
  return (
    <Stack gap="6">
      {runs.map((run) => {
        const name = runFileName(run);
        return (
          <Stack as="section" key={run.id} aria-label={`Run on ${name}`} gap="3">
            <HStack gap="2">
              <LuFileSpreadsheet aria-hidden />
              <Heading as="h3" size="sm" truncate>
                {name}
              </Heading>
            </HStack>
            <RunOutput run={run} onDownloadCsv={downloadRunCsv} />
          </Stack>
        );
      })}
    </Stack>
  );
}
