import { Box, Button, Table } from "@chakra-ui/react";
import { LuArrowDown, LuArrowUp, LuChevronsUpDown } from "react-icons/lu";
import type { FileSortField, SortOrder } from "../search";

type SortableHeaderProps = {
  field: FileSortField;
  label: string;
  sort: FileSortField;
  order: SortOrder;
  onSort: (field: FileSortField) => void;
  textAlign?: "start" | "end";
  display?: Record<string, string>;
};

/** A column header that sorts the list; aria-sort tells assistive technology the current order. */
export function SortableHeader({
  field,
  label,
  sort,
  order,
  onSort,
  textAlign = "start",
  display,
}: SortableHeaderProps) {
  const active = sort === field;
  const Icon = !active ? LuChevronsUpDown : order === "asc" ? LuArrowUp : LuArrowDown;
  return (
    <Table.ColumnHeader
      aria-sort={active ? (order === "asc" ? "ascending" : "descending") : "none"}
      textAlign={textAlign}
      display={display}
      px="2"
    >
      <Button
        variant="ghost"
        size="xs"
        fontWeight="semibold"
        color={active ? "fg" : "fg.muted"}
        onClick={() => onSort(field)}
        flexDirection={textAlign === "end" ? "row-reverse" : "row"}
        gap="1"
      >
        {label}
        <Box as="span" color={active ? "brand.fg" : "fg.subtle"}>
          <Icon aria-hidden />
        </Box>
      </Button>
    </Table.ColumnHeader>
  );
}
