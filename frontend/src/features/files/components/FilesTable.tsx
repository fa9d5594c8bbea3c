import { HStack, Skeleton, Stack, Table, Text } from "@chakra-ui/react";
import type { FileSummary } from "@/client";
import { TextLink } from "@/components/TextLink";
import {
  formatBytes,
  formatCount,
  formatDateTime,
  formatInteger,
  formatRelativeTime,
} from "@/lib/format";
import { formatSummary } from "../format";
import type { FileSortField, SortOrder } from "../search";
import { FileIcon } from "./FileIcon";
import { FileRowActions } from "./FileRowActions";
import { SortableHeader } from "./SortableHeader";

type FilesTableProps = {
  files: FileSummary[];
  /** True while the next page, order or search result loads over this one. */
  stale?: boolean;
  sort: FileSortField;
  order: SortOrder;
  onSort: (field: FileSortField) => void;
  downloadingId: string | null;
  onRename: (file: FileSummary) => void;
  onDownload: (file: FileSummary) => void;
  onDelete: (file: FileSummary) => void;
};

const wide = { base: "none", md: "table-cell" };
const wider = { base: "none", lg: "table-cell" };

export function FilesTable({
  files,
  stale,
  sort,
  order,
  onSort,
  downloadingId,
  onRename,
  onDownload,
  onDelete,
}: FilesTableProps) {
  const sortProps = { sort, order, onSort };
  return (
    <Table.ScrollArea
      borderWidth="1px"
      rounded="lg"
      bg="bg"
      opacity={stale ? 0.6 : 1}
      transition="opacity 0.2s"
      aria-busy={stale}
    >
      <Table.Root size="md" interactive>
        <Table.Caption srOnly>Your files</Table.Caption>
        <Table.Header>
          <Table.Row bg="bg.subtle">
            <SortableHeader field="filename" label="Name" {...sortProps} />
            <SortableHeader
              field="size_bytes"
              label="Size"
              textAlign="end"
              display={wide}
              {...sortProps}
            />
            <Table.ColumnHeader textAlign="end" display={wide}>
              Rows
            </Table.ColumnHeader>
            <Table.ColumnHeader textAlign="end" display={wide}>
              Columns
            </Table.ColumnHeader>
            <SortableHeader field="uploaded_at" label="Uploaded" display={wider} {...sortProps} />
            <Table.ColumnHeader textAlign="end">
              <Text srOnly>Actions</Text>
            </Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {files.map((file) => (
            <Table.Row key={file.id}>
              <Table.Cell maxW={{ base: "52", sm: "xs", md: "md" }}>
                <HStack gap="3">
                  <FileIcon compressed={file.compression !== null} />
                  <Stack gap="0" minW="0">
                    <TextLink
                      to="/files/$fileId"
                      params={{ fileId: file.id }}
                      truncate
                      color="fg"
                      title={file.filename}
                    >
                      {file.filename}
                    </TextLink>
                    <Text textStyle="xs" color="fg.muted" truncate display={{ md: "none" }}>
                      {formatBytes(file.size_bytes)} · {formatCount(file.row_count, "row", "rows")}
                    </Text>
                    <Text
                      textStyle="xs"
                      color="fg.muted"
                      truncate
                      display={{ base: "none", md: "block" }}
                    >
                      {formatSummary(file)}
                    </Text>
                  </Stack>
                </HStack>
              </Table.Cell>
              <Table.Cell textAlign="end" display={wide} whiteSpace="nowrap">
                {formatBytes(file.size_bytes)}
              </Table.Cell>
              <Table.Cell textAlign="end" display={wide} fontVariantNumeric="tabular-nums">
                {formatInteger(file.row_count)}
              </Table.Cell>
              <Table.Cell textAlign="end" display={wide} fontVariantNumeric="tabular-nums">
                {formatInteger(file.column_count)}
              </Table.Cell>
              <Table.Cell display={wider} color="fg.muted" whiteSpace="nowrap">
                <time dateTime={file.uploaded_at} title={formatDateTime(file.uploaded_at)}>
                  {formatRelativeTime(file.uploaded_at)}
                </time>
              </Table.Cell>
              <Table.Cell textAlign="end" py="1">
                <FileRowActions
                  filename={file.filename}
                  downloading={downloadingId === file.id}
                  onRename={() => onRename(file)}
                  onDownload={() => onDownload(file)}
                  onDelete={() => onDelete(file)}
                />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
    </Table.ScrollArea>
  );
}

export function FilesTableSkeleton({ rows }: { rows: number }) {
  return (
    <Stack
      borderWidth="1px"
      rounded="lg"
      bg="bg"
      p="4"
      gap="5"
      aria-busy="true"
      aria-label="Loading files"
    >
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
        <HStack key={index} gap="3">
          <Skeleton boxSize="9" rounded="md" />
          <Stack gap="1.5" flex="1">
            <Skeleton h="3.5" w="48" />
            <Skeleton h="3" w="32" />
          </Stack>
          <Skeleton h="3.5" w="16" display={{ base: "none", md: "block" }} />
          <Skeleton h="3.5" w="12" display={{ base: "none", md: "block" }} />
          <Skeleton h="3.5" w="24" display={{ base: "none", lg: "block" }} />
        </HStack>
      ))}
    </Stack>
  );
}
