import { Stack, Text } from "@chakra-ui/react";
import type { ExecutionPublic } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { RunningIndicator } from "@/components/run-result/RunningIndicator";
import { RunOutput } from "@/components/run-result/RunOutput";
import { formatCount } from "@/lib/format";
import { downloadRunCsv } from "../api";

type VersionRunProps = {
  /** This version's runs, oldest first: the latest is shown. */
  runs: ExecutionPublic[];
  running: boolean;
  /** Why the last Run press did not run. */
  error: string | null;
};

/** What one version of a block gave when it last ran, or that it is running now. */
export function VersionRun({ runs, running, error }: VersionRunProps) {
  const latest = runs.at(-1);
  if (!latest && !running && !error) return null;
  return (
    <Stack gap="3" minW="0">
      <FormAlert message={error} />
      {running ? (
        <RunningIndicator />
      ) : (
        latest && (
          <RunOutput
            run={latest}
            onDownloadCsv={downloadRunCsv}
            meta={
              runs.length > 1 && <Text>· latest of {formatCount(runs.length, "run", "runs")}</Text>
            }
          />
        )
      )}
    </Stack>
  );
}
