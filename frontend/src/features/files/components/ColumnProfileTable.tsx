import { Box, HStack, Stack, Table, Text } from "@chakra-ui/react";
import type { ColumnProfile } from "@/client";
import { formatDecimal, formatInteger, formatPercent } from "@/lib/format";
import { formatValue } from "../format";
import { ColumnTypeBadge } from "./ColumnTypeBadge";
import { TopValues } from "./TopValues";

type ColumnProfileTableProps = {
  columns: ColumnProfile[];
  rowCount: number;
};

function Statistic({ value }: { value: unknown }) {
  if (value === null || value === undefined) {
    return <Text color="fg.subtle">–</Text>;
  }
  const text = formatValue(value);
  return (
    <Text truncate maxW="40" title={text}>
      {text}
    </Text>
  );
}

function MissingValues({ nulls, rowCount }: { nulls: number; rowCount: number }) {
  const share = rowCount > 0 ? nulls / rowCount : 0;
  return (
    <Stack gap="1" minW="20">
      <HStack gap="1.5" justify="flex-end" fontVariantNumeric="tabular-nums">
        <Text color={nulls === 0 ? "fg.subtle" : undefined}>{formatInteger(nulls)}</Text>
        {nulls > 0 && <Text color="fg.muted">({formatPercent(share)})</Text>}
      </HStack>
      {nulls > 0 && (
        <Box h="1" rounded="full" bg="bg.emphasized" overflow="hidden" aria-hidden>
          <Box h="full" w={`${share * 100}%`} bg={share > 0.5 ? "orange.solid" : "fg.subtle"} />
        </Box>
      )}
    </Stack>
  );
}

/** One row per column: its type, missing values, spread and most frequent values. */
export function ColumnProfileTable({ columns, rowCount }: ColumnProfileTableProps) {
  return (
    <Table.ScrollArea borderWidth="1px" rounded="lg" bg="bg">
      <Table.Root size="sm" textStyle="sm">
        <Table.Caption srOnly>Column profile</Table.Caption>
        <Table.Header>
          <Table.Row bg="bg.subtle">
            <Table.ColumnHeader textAlign="end" w="10">
              #
            </Table.ColumnHeader>
            <Table.ColumnHeader>Column</Table.ColumnHeader>
            <Table.ColumnHeader>Type</Table.ColumnHeader>
            <Table.ColumnHeader textAlign="end">Missing</Table.ColumnHeader>
            <Table.ColumnHeader textAlign="end">Distinct</Table.ColumnHeader>
            <Table.ColumnHeader>Min</Table.ColumnHeader>
            <Table.ColumnHeader>Max</Table.ColumnHeader>
            <Table.ColumnHeader textAlign="end">Mean</Table.ColumnHeader>
            <Table.ColumnHeader>Top values</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {columns.map((column) => (
            <Table.Row key={column.position} verticalAlign="top">
              <Table.Cell textAlign="end" color="fg.subtle" fontVariantNumeric="tabular-nums">
                {column.position + 1}
              </Table.Cell>
              <Table.Cell>
                <Text fontWeight="medium" maxW="60" truncate title={column.name}>
                  {column.name}
                </Text>
              </Table.Cell>
              <Table.Cell>
                <Stack gap="1" align="flex-start">
                  <ColumnTypeBadge type={column.type} />
                  <Text
                    textStyle="xs"
                    color="fg.muted"
                    fontFamily="mono"
                    title="The pandas dtype your code will see"
                  >
                    {column.dtype}
                  </Text>
                </Stack>
              </Table.Cell>
              <Table.Cell textAlign="end">
                <MissingValues nulls={column.null_count} rowCount={rowCount} />
              </Table.Cell>
              <Table.Cell textAlign="end" fontVariantNumeric="tabular-nums">
                {formatInteger(column.distinct_count)}
              </Table.Cell>
              <Table.Cell>
                <Statistic value={column.min} />
              </Table.Cell>
              <Table.Cell>
                <Statistic value={column.max} />
              </Table.Cell>
              <Table.Cell textAlign="end" fontVariantNumeric="tabular-nums">
                {column.mean === null || column.mean === undefined ? (
                  <Text color="fg.subtle">–</Text>
                ) : (
                  formatDecimal(column.mean)
                )}
              </Table.Cell>
              <Table.Cell>
                {column.top_values && column.top_values.length > 0 ? (
                  <TopValues values={column.top_values} rowCount={rowCount} />
                ) : (
                  <Text color="fg.subtle">–</Text>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
    </Table.ScrollArea>
  );
}
