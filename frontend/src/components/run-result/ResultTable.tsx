import { Box, Table, Text } from "@chakra-ui/react";
import { cellText } from "./result-schema";

export type TableData = {
  columns: unknown[];
  /** One per column, e.g. "int64"; shown under its name. */
  dtypes: string[];
  index: unknown[];
  indexNames: unknown[];
  rows: unknown[][];
};

const NUMERIC_DTYPE = /^(u?int|float|complex|Int|UInt|Float)/;

function NullCell() {
  return (
    <Box as="span" color="fg.subtle" fontStyle="italic">
      null
    </Box>
  );
}

function Cell({ value }: { value: unknown }) {
  return value === null || value === undefined ? <NullCell /> : cellText(value);
}

/** A result's first rows: the index pinned on the left, each column with its type. */
export function ResultTable({ columns, dtypes, index, indexNames, rows }: TableData) {
  const numeric = dtypes.map((dtype) => NUMERIC_DTYPE.test(dtype));
  const indexLabel = indexNames
    .filter((name) => name !== null)
    .map(cellText)
    .join(", ");

  return (
    <Table.ScrollArea borderWidth="1px" rounded="md" bg="bg" maxH="24rem" tabIndex={0}>
      <Table.Root size="sm" stickyHeader textStyle="xs" showColumnBorder>
        <Table.Caption srOnly>Result table</Table.Caption>
        <Table.Header>
          <Table.Row bg="bg.subtle">
            <Table.ColumnHeader bg="bg.subtle" color="fg.muted" whiteSpace="nowrap">
              {indexLabel || <Text srOnly>Index</Text>}
            </Table.ColumnHeader>
            {columns.map((column, position) => (
              <Table.ColumnHeader
                // biome-ignore lint/suspicious/noArrayIndexKey: column names may repeat
                key={position}
                bg="bg.subtle"
                whiteSpace="nowrap"
                textAlign={numeric[position] ? "end" : "start"}
              >
                {cellText(column)}
                {dtypes[position] && (
                  <Text as="span" display="block" fontWeight="normal" color="fg.subtle">
                    {dtypes[position]}
                  </Text>
                )}
              </Table.ColumnHeader>
            ))}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row, rowPosition) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are shown in a fixed order
            <Table.Row key={rowPosition}>
              <Table.Cell color="fg.muted" whiteSpace="nowrap">
                <Cell value={index[rowPosition]} />
              </Table.Cell>
              {row.map((value, position) => (
                <Table.Cell
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells follow the columns
                  key={position}
                  textAlign={numeric[position] ? "end" : "start"}
                  fontVariantNumeric="tabular-nums"
                  maxW="xs"
                  truncate
                  title={cellText(value)}
                >
                  <Cell value={value} />
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
    </Table.ScrollArea>
  );
}
