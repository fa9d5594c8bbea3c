import { Button, HStack, Stack, Text } from "@chakra-ui/react";
import { useState } from "react";
import { LuDownload } from "react-icons/lu";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { formatCount, formatInteger } from "@/lib/format";
import { OutputSection } from "./OutputSection";
import { ResultTable, type TableData } from "./ResultTable";
import { cellText, type DataFrameResult, type SeriesResult } from "./result-schema";
import type { DownloadCsv } from "./types";

type TableResultProps = {
  result: DataFrameResult | SeriesResult;
  runId: string;
  /** Present when the whole table was kept for download. */
  onDownloadCsv?: DownloadCsv;
};

function tableOf(result: DataFrameResult | SeriesResult): TableData {
  const base = { index: result.index, indexNames: result.index_names };
  if (result.kind === "dataframe") {
    return { ...base, columns: result.columns, dtypes: result.dtypes, rows: result.rows };
  }
  const name = result.name === null ? "value" : cellText(result.name);
  return { ...base, columns: [name], dtypes: [result.dtype], rows: result.values.map((v) => [v]) };
}

function summary(result: DataFrameResult | SeriesResult): string {
  if (result.kind === "series") {
    return `Series · ${formatCount(result.length, "value", "values")} · ${result.dtype}`;
  }
  const [rows, columns] = result.shape;
  return `Table · ${formatCount(rows, "row", "rows")} × ${formatCount(columns, "column", "columns")}`;
}

/** A DataFrame or Series result: its size and types, the first rows, and the whole as CSV. */
export function TableResult({ result, runId, onDownloadCsv }: TableResultProps) {
  const [downloading, setDownloading] = useState(false);
  const table = tableOf(result);
  const notes = [
    result.truncated_rows && `Showing the first ${formatInteger(table.rows.length)} rows.`,
    result.kind === "dataframe" &&
      result.truncated_columns &&
      `Showing the first ${formatInteger(table.columns.length)} columns.`,
    result.csv_too_large && "Too large to keep for download.",
  ].filter(Boolean);

  const download = async () => {
    if (!onDownloadCsv) return;
    setDownloading(true);
    try {
      await onDownloadCsv(runId);
    } catch (error) {
      toaster.error({
        title: "Could not download the CSV",
        description: getErrorMessage(error, "The download did not finish. Try again."),
      });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <OutputSection label="Result">
      <HStack justify="space-between" gap="2" wrap="wrap">
        <Text textStyle="sm" fontWeight="medium">
          {summary(result)}
        </Text>
        {onDownloadCsv && (
          <Button size="xs" variant="outline" onClick={download} loading={downloading}>
            <LuDownload aria-hidden />
            Download CSV
          </Button>
        )}
      </HStack>
      <ResultTable {...table} />
      {notes.length > 0 && (
        <Stack gap="0">
          {notes.map((note) => (
            <Text key={String(note)} textStyle="xs" color="fg.muted">
              {note}
            </Text>
          ))}
        </Stack>
      )}
    </OutputSection>
  );
}
