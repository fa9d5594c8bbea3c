import { Code, HStack, Stack, Text } from "@chakra-ui/react";
import type { ReactNode } from "react";
import { formatDuration } from "./duration";
import { PrintedOutput } from "./PrintedOutput";
import { RunErrorView } from "./RunErrorView";
import { RunFigures } from "./RunFigures";
import { RunStatusBadge } from "./RunStatusBadge";
import { parseResult } from "./result-schema";
import { TableResult } from "./TableResult";
import type { DownloadCsv, RunShown } from "./types";
import { ValueResult } from "./ValueResult";

type RunOutputProps = {
  run: RunShown;
  /** Offered on a table result the server kept as CSV. */
  onDownloadCsv?: DownloadCsv;
  /** More about the run on its status line (its file, its version, when). */
  meta?: ReactNode;
  /** Leave the status line out (the surrounding list already shows it). */
  hideStatus?: boolean;
};

/** Everything a run gave back: how it ended, the error, the result, the charts, what it printed. */
export function RunOutput({ run, onDownloadCsv, meta, hideStatus = false }: RunOutputProps) {
  const result = parseResult(run.result);
  const hasResult = result !== null && result.kind !== "none" && result.kind !== "figure";
  const printed = run.stdout.trim() ? run.stdout : null;
  const nothing =
    run.status === "succeeded" && !hasResult && run.figures.length === 0 && printed === null;

  return (
    <Stack gap="3" minW="0" aria-label="Run output" role="group">
      {!hideStatus && (
        <HStack gap="2" wrap="wrap" textStyle="xs" color="fg.muted">
          <RunStatusBadge status={run.status} />
          <Text>in {formatDuration(run.duration_ms)}</Text>
          {meta}
        </HStack>
      )}
      {run.error && <RunErrorView error={run.error} status={run.status} />}
      {hasResult &&
        (result.kind === "dataframe" || result.kind === "series" ? (
          <TableResult
            result={result}
            runId={run.id}
            onDownloadCsv={run.has_csv ? onDownloadCsv : undefined}
          />
        ) : (
          <ValueResult result={result} />
        ))}
      <RunFigures figures={run.figures} leftOut={run.figures_left_out} />
      {printed !== null && <PrintedOutput text={printed} />}
      {nothing && (
        <Text textStyle="sm" color="fg.muted">
          The code ran without a result to show. Assign a value to <Code size="sm">result</Code>,
          draw a chart or print something to see it here.
        </Text>
      )}
    </Stack>
  );
}
