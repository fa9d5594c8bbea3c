import { Button, Flex, HStack, Skeleton, Stack, Text } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LuChevronLeft, LuChevronRight } from "react-icons/lu";
import type { ColumnProfile } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { getErrorMessage } from "@/lib/api-error";
import { formatInteger } from "@/lib/format";
import { usePastLastPage } from "@/lib/use-past-last-page";
import { filePreviewQueryOptions } from "../api";
import { PreviewPager } from "./PreviewPager";
import { PreviewTable } from "./PreviewTable";

/** Tens of thousands of cells make a page sluggish: wide files are shown fifty columns at a time. */
const COLUMNS_PER_VIEW = 50;
const NUMERIC_TYPES = new Set<ColumnProfile["type"]>(["integer", "float"]);

type PreviewPanelProps = {
  fileId: string;
  profileColumns: ColumnProfile[];
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (pageSize: number) => void;
};

export function PreviewPanel({
  fileId,
  profileColumns,
  page,
  pageSize,
  onPageChange,
  onPageSizeChange,
}: PreviewPanelProps) {
  const preview = useQuery(filePreviewQueryOptions({ fileId, page, pageSize }));
  const [columnStart, setColumnStart] = useState(0);
  const data = preview.data;
  const pastTheEnd = usePastLastPage({
    page,
    pageSize,
    count: data?.total_rows,
    settled: !preview.isPlaceholderData,
    onPageChange,
  });

  if (preview.isError && !data) return <FormAlert message={getErrorMessage(preview.error)} />;
  if (!data || pastTheEnd) return <PreviewSkeleton />;

  const columnCount = data.columns.length;
  const columnEnd = Math.min(columnStart + COLUMNS_PER_VIEW, columnCount);
  const numericColumns = new Set(
    profileColumns.filter((c) => NUMERIC_TYPES.has(c.type)).map((c) => c.position),
  );

  return (
    <Stack gap="3">
      {columnCount > COLUMNS_PER_VIEW && (
        <Flex gap="3" align="center" justify="space-between" wrap="wrap">
          <Text textStyle="sm" color="fg.muted" aria-live="polite">
            Columns {formatInteger(columnStart + 1)}–{formatInteger(columnEnd)} of{" "}
            {formatInteger(columnCount)}
          </Text>
          <HStack gap="1">
            <Button
              size="xs"
              variant="outline"
              disabled={columnStart === 0}
              onClick={() => setColumnStart((s) => Math.max(0, s - COLUMNS_PER_VIEW))}
            >
              <LuChevronLeft aria-hidden />
              Previous columns
            </Button>
            <Button
              size="xs"
              variant="outline"
              disabled={columnEnd >= columnCount}
              onClick={() => setColumnStart((s) => s + COLUMNS_PER_VIEW)}
            >
              Next columns
              <LuChevronRight aria-hidden />
            </Button>
          </HStack>
        </Flex>
      )}
      <PreviewTable
        columns={data.columns}
        rows={data.rows}
        firstRow={data.skip + 1}
        columnRange={[columnStart, columnEnd]}
        numericColumns={numericColumns}
        stale={preview.isPlaceholderData}
      />
      <PreviewPager
        page={page}
        pageSize={pageSize}
        totalRows={data.total_rows}
        onPageChange={onPageChange}
        onPageSizeChange={onPageSizeChange}
      />
    </Stack>
  );
}

function PreviewSkeleton() {
  return (
    <Stack
      gap="2"
      borderWidth="1px"
      rounded="lg"
      bg="bg"
      p="4"
      aria-busy="true"
      aria-label="Loading rows"
    >
      {Array.from({ length: 8 }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
        <Skeleton key={index} h="5" />
      ))}
    </Stack>
  );
}
