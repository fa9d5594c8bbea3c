import { Field, Flex, NativeSelect } from "@chakra-ui/react";
import { SearchInput } from "@/components/SearchInput";
import type { FileSortField, SortOrder } from "../search";

const SORT_OPTIONS: { value: `${FileSortField}:${SortOrder}`; label: string }[] = [
  { value: "uploaded_at:desc", label: "Newest first" },
  { value: "uploaded_at:asc", label: "Oldest first" },
  { value: "filename:asc", label: "Name, A to Z" },
  { value: "filename:desc", label: "Name, Z to A" },
  { value: "size_bytes:desc", label: "Largest first" },
  { value: "size_bytes:asc", label: "Smallest first" },
];

type FilesToolbarProps = {
  q: string;
  onSearch: (q: string) => void;
  busy: boolean;
  sort: FileSortField;
  order: SortOrder;
  onSortChange: (sort: FileSortField, order: SortOrder) => void;
};

/** Search by name; on narrow screens, where column headers are hidden, a sort menu too. */
export function FilesToolbar({ q, onSearch, busy, sort, order, onSortChange }: FilesToolbarProps) {
  return (
    <Flex mb="4" gap="3" align="flex-end" direction={{ base: "column", sm: "row" }}>
      <SearchInput
        label="Search files"
        placeholder="Part of a file name"
        value={q}
        onSearch={onSearch}
        busy={busy}
      />
      <Field.Root maxW={{ base: "full", sm: "52" }} display={{ base: "flex", lg: "none" }}>
        <Field.Label>Sort by</Field.Label>
        <NativeSelect.Root>
          <NativeSelect.Field
            value={`${sort}:${order}`}
            onChange={(event) => {
              const [field, direction] = event.target.value.split(":");
              onSortChange(field as FileSortField, direction as SortOrder);
            }}
          >
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
      </Field.Root>
    </Flex>
  );
}
