import { Field, Flex, HStack, NativeSelect } from "@chakra-ui/react";
import { SearchInput } from "@/components/SearchInput";
import type { LibrarySort, LibraryView, MatchMode } from "../search";
import { ViewToggle } from "./ViewToggle";

const SORT_NAMES: Record<LibrarySort, string> = {
  relevance: "Best match",
  newest: "Newest first",
  oldest: "Oldest first",
  updated: "Recently edited",
  title: "Name, A to Z",
};

const MATCH_NAMES: Record<MatchMode, string> = {
  any: "Words or any text",
  words: "Whole words",
  substring: "Exact text",
};

type LibraryToolbarProps = {
  q: string;
  onSearch: (q: string) => void;
  busy: boolean;
  match: MatchMode;
  onMatchChange: (match: MatchMode) => void;
  sort: LibrarySort;
  onSortChange: (sort: LibrarySort) => void;
  view: LibraryView;
  onViewChange: (view: LibraryView) => void;
};

/** Search as you type, how the words match, the order, and cards or rows. */
export function LibraryToolbar({
  q,
  onSearch,
  busy,
  match,
  onMatchChange,
  sort,
  onSortChange,
  view,
  onViewChange,
}: LibraryToolbarProps) {
  // "Best match" ranks by the search: without one there is nothing to rank by.
  const sorts = (Object.keys(SORT_NAMES) as LibrarySort[]).filter((s) => q || s !== "relevance");

  return (
    <Flex
      gap="3"
      align={{ base: "stretch", md: "flex-end" }}
      direction={{ base: "column", md: "row" }}
    >
      <SearchInput
        label="Search code"
        placeholder="What it does, a function, a column…"
        value={q}
        onSearch={onSearch}
        busy={busy}
      />
      {q && (
        <Field.Root maxW={{ base: "full", md: "44" }}>
          <Field.Label>Match</Field.Label>
          <NativeSelect.Root>
            <NativeSelect.Field
              value={match}
              onChange={(event) => onMatchChange(event.target.value as MatchMode)}
            >
              {(Object.keys(MATCH_NAMES) as MatchMode[]).map((mode) => (
                <option key={mode} value={mode}>
                  {MATCH_NAMES[mode]}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
      )}
      <HStack gap="3" align="flex-end" ms={{ md: "auto" }}>
        <Field.Root w={{ base: "full", md: "44" }}>
          <Field.Label>Sort by</Field.Label>
          <NativeSelect.Root>
            <NativeSelect.Field
              value={sort}
              onChange={(event) => onSortChange(event.target.value as LibrarySort)}
            >
              {sorts.map((option) => (
                <option key={option} value={option}>
                  {SORT_NAMES[option]}
                </option>
              ))}
            </NativeSelect.Field>
            <NativeSelect.Indicator />
          </NativeSelect.Root>
        </Field.Root>
        <ViewToggle value={view} onChange={onViewChange} />
      </HStack>
    </Flex>
  );
}
