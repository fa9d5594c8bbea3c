import { Button, Tag, Wrap } from "@chakra-ui/react";
import { LuX } from "react-icons/lu";
import { languageName } from "@/lib/code-languages";
import { type LibraryFilters as Filters, hasFilters, NO_FILTERS, type RunStatus } from "../search";
import { DateRangeFilter } from "./DateRangeFilter";
import { FacetMenu, type FacetValue } from "./FacetMenu";

export type Facets = { tags: FacetValue[]; languages: FacetValue[]; imports: FacetValue[] };

const STATUS_NAMES: Record<RunStatus, string> = {
  succeeded: "Ran successfully",
  failed: "Failed",
  not_run: "Not run yet",
};
const STATUSES: FacetValue[] = Object.keys(STATUS_NAMES).map((value) => ({ value, count: 0 }));

type LibraryFiltersProps = {
  filters: Filters;
  facets: Facets | undefined;
  onChange: (filters: Filters) => void;
  /** Names the conversation filter's chip (it is only set by links from a chat). */
  conversationTitle: string | null;
  fileName: string | null;
};

/** Filter menus, then the filters that only links set (a chat, a file) as removable chips. */
export function LibraryFilters({
  filters,
  facets,
  onChange,
  conversationTitle,
  fileName,
}: LibraryFiltersProps) {
  const set = (change: Partial<Filters>) => onChange({ ...filters, ...change });
  const single = (values: string[]) => values[0] ?? null;

  return (
    <Wrap gap="2" align="center" aria-label="Filters" role="group">
      <FacetMenu
        label="Tag"
        multiple
        values={facets?.tags ?? []}
        selected={filters.tags}
        onChange={(tags) => set({ tags })}
        emptyText="No tags yet. Add some to a block."
      />
      <FacetMenu
        label="Language"
        values={facets?.languages ?? []}
        selected={filters.language ? [filters.language] : []}
        onChange={(values) => set({ language: single(values) })}
        format={languageName}
        emptyText="No code yet."
      />
      <FacetMenu
        label="Import"
        values={facets?.imports ?? []}
        selected={filters.importName ? [filters.importName] : []}
        onChange={(values) => set({ importName: single(values) })}
        emptyText="No imports found yet."
      />
      <FacetMenu
        label="Run"
        values={STATUSES}
        selected={filters.status ? [filters.status] : []}
        onChange={(values) => set({ status: single(values) as RunStatus | null })}
        format={(value) => STATUS_NAMES[value as RunStatus]}
        emptyText=""
      />
      <DateRangeFilter from={filters.from} to={filters.to} onChange={(range) => set(range)} />
      {filters.conversationId && (
        <FilterChip
          label={`Chat: ${conversationTitle ?? "this conversation"}`}
          onRemove={() => set({ conversationId: null })}
        />
      )}
      {filters.fileId && (
        <FilterChip
          label={`File: ${fileName ?? "this file"}`}
          onRemove={() => set({ fileId: null })}
        />
      )}
      {hasFilters(filters) && (
        <Button size="sm" variant="ghost" onClick={() => onChange(NO_FILTERS)}>
          <LuX aria-hidden />
          Clear filters
        </Button>
      )}
    </Wrap>
  );
}

function FilterChip({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <Tag.Root size="lg" variant="subtle" colorPalette="brand" maxW="xs">
      <Tag.Label truncate>{label}</Tag.Label>
      <Tag.EndElement>
        <Tag.CloseTrigger aria-label={`Remove filter ${label}`} onClick={onRemove} />
      </Tag.EndElement>
    </Tag.Root>
  );
}
