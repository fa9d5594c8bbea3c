import { Button, Field, Flex, Input, InputGroup, Stack, Text } from "@chakra-ui/react";
import { useDeferredValue, useState } from "react";
import { LuSearch } from "react-icons/lu";
import type { ColumnProfile } from "@/client";
import { formatInteger } from "@/lib/format";
import { ColumnProfileTable } from "./ColumnProfileTable";

/** Wide files have thousands of columns: show them a hundred at a time, and let people search. */
const COLUMNS_PER_STEP = 100;
const FILTER_FROM = 12;

type ColumnsPanelProps = {
  columns: ColumnProfile[];
  rowCount: number;
};

export function ColumnsPanel({ columns, rowCount }: ColumnsPanelProps) {
  const [filter, setFilter] = useState("");
  const [limit, setLimit] = useState(COLUMNS_PER_STEP);
  const needle = useDeferredValue(filter.trim().toLowerCase());
  const matching = needle
    ? columns.filter((column) => column.name.toLowerCase().includes(needle))
    : columns;
  const shown = matching.slice(0, limit);

  return (
    <Stack gap="4">
      {columns.length >= FILTER_FROM && (
        <Field.Root maxW={{ base: "full", md: "sm" }}>
          <Field.Label>Find a column</Field.Label>
          <InputGroup startElement={<LuSearch aria-hidden />}>
            <Input
              type="search"
              placeholder="Part of a column name"
              value={filter}
              onChange={(event) => {
                setFilter(event.target.value);
                setLimit(COLUMNS_PER_STEP);
              }}
            />
          </InputGroup>
        </Field.Root>
      )}
      {matching.length === 0 ? (
        <Text color="fg.muted" py="6" textAlign="center">
          No column name contains “{filter.trim()}”.
        </Text>
      ) : (
        <ColumnProfileTable columns={shown} rowCount={rowCount} />
      )}
      {matching.length > shown.length && (
        <Flex justify="space-between" align="center" gap="3" wrap="wrap">
          <Text textStyle="sm" color="fg.muted">
            Showing {formatInteger(shown.length)} of {formatInteger(matching.length)} columns
          </Text>
          <Button variant="outline" size="sm" onClick={() => setLimit((n) => n + COLUMNS_PER_STEP)}>
            Show more columns
          </Button>
        </Flex>
      )}
    </Stack>
  );
}
