import { Heading, HStack, Stack, Table } from "@chakra-ui/react";
import { ProviderIcon } from "@/components/ProviderIcon";
import { formatInteger } from "@/lib/format";
import { providerName } from "@/lib/providers";
import { formatMonth, type MonthUsage } from "../usage";

/** One month: a row per provider and model, and the month's totals. */
export function UsageMonthTable({ month }: { month: MonthUsage }) {
  const title = formatMonth(month.month);
  const headingId = `usage-${month.month}`;

  return (
    <Stack gap="3" as="section" aria-labelledby={headingId}>
      <Heading as="h3" size="sm" id={headingId}>
        {title}
      </Heading>
      <Table.ScrollArea borderWidth="1px" rounded="lg">
        <Table.Root size="sm" aria-labelledby={headingId}>
          <Table.Header>
            <Table.Row bg="bg.muted">
              <Table.ColumnHeader>Provider</Table.ColumnHeader>
              <Table.ColumnHeader>Model</Table.ColumnHeader>
              <Table.ColumnHeader textAlign="end">Calls</Table.ColumnHeader>
              <Table.ColumnHeader textAlign="end">Input tokens</Table.ColumnHeader>
              <Table.ColumnHeader textAlign="end">Output tokens</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {month.rows.map((row) => (
              <Table.Row key={`${row.provider}-${row.model}`}>
                <Table.Cell>
                  <HStack gap="2">
                    <ProviderIcon provider={row.provider} iconSize={12} />
                    {providerName(row.provider)}
                  </HStack>
                </Table.Cell>
                <Table.Cell fontFamily="mono" textStyle="xs">
                  {row.model}
                </Table.Cell>
                <Table.Cell textAlign="end" fontVariantNumeric="tabular-nums">
                  {formatInteger(row.calls)}
                </Table.Cell>
                <Table.Cell textAlign="end" fontVariantNumeric="tabular-nums">
                  {formatInteger(row.input_tokens)}
                </Table.Cell>
                <Table.Cell textAlign="end" fontVariantNumeric="tabular-nums">
                  {formatInteger(row.output_tokens)}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
          <Table.Footer>
            <Table.Row fontWeight="semibold">
              <Table.Cell colSpan={2}>Total for {title}</Table.Cell>
              <Table.Cell textAlign="end" fontVariantNumeric="tabular-nums">
                {formatInteger(month.calls)}
              </Table.Cell>
              <Table.Cell textAlign="end" fontVariantNumeric="tabular-nums">
                {formatInteger(month.inputTokens)}
              </Table.Cell>
              <Table.Cell textAlign="end" fontVariantNumeric="tabular-nums">
                {formatInteger(month.outputTokens)}
              </Table.Cell>
            </Table.Row>
          </Table.Footer>
        </Table.Root>
      </Table.ScrollArea>
    </Stack>
  );
}
