import { Box, Table, Text } from "@chakra-ui/react";
import { formatInteger } from "@/lib/format";
import { formatValue } from "../format";

type PreviewTableProps = {
  columns: string[];
  rows: unknown[][];
  /** The 1-based number of the first row shown. */
  firstRow: number;
  /** Which columns of each row to show: [start, end). */
  columnRange: [number, number];
  /** Columns whose values read best aligned right (numbers). */
  numericColumns: Set<number>;
  stale?: boolean;
};

function NullCell() {
  return (
    <Box
      as="span"
      px="1.5"
      py="0.5"
      rounded="sm"
      bg="bg.muted"
      color="fg.subtle"
      fontStyle="italic"
      textStyle="xs"
    >
      null
    </Box>
  );
}

const stickyStart = { position: "sticky", insetInlineStart: 0 } as const;

/** A page of rows: numbered, header pinned while scrolling, wide files scroll sideways. */
export function PreviewTable({
  columns,
  rows,
  firstRow,
  columnRange,
  numericColumns,
  stale,
}: PreviewTableProps) {
  const [start, end] = columnRange;
  const indexes = Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);

  return (
    <Table.ScrollArea
      borderWidth="1px"
      rounded="lg"
      bg="bg"
      maxH="70vh"
      opacity={stale ? 0.6 : 1}
      transition="opacity 0.2s"
      aria-busy={stale}
      tabIndex={0}
      aria-label="Data preview, scrollable"
    >
      <Table.Root size="sm" stickyHeader textStyle="sm" showColumnBorder>
        <Table.Caption srOnly>
          Rows {formatInteger(firstRow)} to {formatInteger(firstRow + rows.length - 1)}
        </Table.Caption>
        <Table.Header>
          {/* Above the pinned row numbers, which scroll under it. */}
          <Table.Row bg="bg.subtle" zIndex="3">
            <Table.ColumnHeader {...stickyStart} zIndex="2" bg="bg.subtle" textAlign="end" w="1">
              <Text srOnly>Row</Text>#
            </Table.ColumnHeader>
            {indexes.map((index) => (
              <Table.ColumnHeader
                key={index}
                bg="bg.subtle"
                whiteSpace="nowrap"
                textAlign={numericColumns.has(index) ? "end" : "start"}
                title={columns[index]}
                maxW="xs"
                truncate
              >
                {columns[index]}
              </Table.ColumnHeader>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row, rowIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row's number in the file is its identity
            <Table.Row key={firstRow + rowIndex} _hover={{ bg: "bg.subtle" }}>
              <Table.Cell
                {...stickyStart}
                zIndex="1"
                bg="bg.subtle"
                color="fg.subtle"
                textAlign="end"
                fontVariantNumeric="tabular-nums"
              >
                {formatInteger(firstRow + rowIndex)}
              </Table.Cell>
              {indexes.map((index) => {
                const value = row[index];
                const text = value === null || value === undefined ? null : formatValue(value);
                return (
                  <Table.Cell
                    key={index}
                    whiteSpace="nowrap"
                    maxW="xs"
                    truncate
                    title={text ?? undefined}
                    textAlign={numericColumns.has(index) ? "end" : "start"}
                    fontVariantNumeric={numericColumns.has(index) ? "tabular-nums" : undefined}
                  >
                    {text === null ? <NullCell /> : text}
                  </Table.Cell>
                );
              })}
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
    </Table.ScrollArea>
  );
}
