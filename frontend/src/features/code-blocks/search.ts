import { z } from "zod";

export const LIBRARY_SORTS = ["relevance", "newest", "oldest", "updated", "title"] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

export const MATCH_MODES = ["any", "words", "substring"] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

export const RUN_STATUSES = ["succeeded", "failed", "not_run"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const LIBRARY_VIEWS = ["grid", "list"] as const;
export type LibraryView = (typeof LIBRARY_VIEWS)[number];

const day = z.iso.date();
const uuid = z.uuid();

/**
 * The library's URL state: /library?q=groupby&tag=["sales"]&language=python&status=failed
 * &from=2025-01-01&to=2025-01-31&sort=title&view=list&page=2. A value that does not parse is
 * dropped rather than failing the page: addresses get typed, shared and truncated.
 */
export const librarySearchSchema = z.object({
  q: z.string().trim().max(255).optional().catch(undefined),
  match: z.enum(MATCH_MODES).optional().catch(undefined),
  tag: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(20).optional().catch(undefined),
  language: z.string().trim().min(1).max(32).optional().catch(undefined),
  import: z.string().trim().min(1).max(200).optional().catch(undefined),
  status: z.enum(RUN_STATUSES).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  conversation: uuid.optional().catch(undefined),
  file: uuid.optional().catch(undefined),
  sort: z.enum(LIBRARY_SORTS).optional().catch(undefined),
  view: z.enum(LIBRARY_VIEWS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type LibrarySearch = z.infer<typeof librarySearchSchema>;

/** What narrows the list, apart from the search text. */
export type LibraryFilters = {
  tags: string[];
  language: string | null;
  importName: string | null;
  status: RunStatus | null;
  from: string | null;
  to: string | null;
  conversationId: string | null;
  fileId: string | null;
};

export type LibraryQuery = {
  q: string;
  match: MatchMode;
  filters: LibraryFilters;
  sort: LibrarySort;
  page: number;
};

/** The list a URL asks for, with the defaults filled in (relevance only means something with q). */
export function libraryQueryFrom(search: LibrarySearch): LibraryQuery {
  const q = search.q ?? "";
  const sort = search.sort ?? (q ? "relevance" : "newest");
  return {
    q,
    match: search.match ?? "any",
    filters: {
      tags: search.tag ?? [],
      language: search.language ?? null,
      importName: search.import ?? null,
      status: search.status ?? null,
      from: search.from ?? null,
      to: search.to ?? null,
      conversationId: search.conversation ?? null,
      fileId: search.file ?? null,
    },
    sort: sort === "relevance" && !q ? "newest" : sort,
    page: search.page ?? 1,
  };
}

/** The URL form of a set of filters: empty ones leave the address. */
export function filtersToSearch(filters: LibraryFilters): Partial<LibrarySearch> {
  return {
    tag: filters.tags.length > 0 ? filters.tags : undefined,
    language: filters.language ?? undefined,
    import: filters.importName ?? undefined,
    status: filters.status ?? undefined,
    from: filters.from ?? undefined,
    to: filters.to ?? undefined,
    conversation: filters.conversationId ?? undefined,
    file: filters.fileId ?? undefined,
  };
}

export const NO_FILTERS: LibraryFilters = {
  tags: [],
  language: null,
  importName: null,
  status: null,
  from: null,
  to: null,
  conversationId: null,
  fileId: null,
};

export function hasFilters(filters: LibraryFilters): boolean {
  return Object.values(filtersToSearch(filters)).some((value) => value !== undefined);
}

export const DETAIL_TABS = ["code", "history", "runs"] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

export const DIFF_MODES = ["unified", "split"] as const;
export type DiffMode = (typeof DIFF_MODES)[number];

const versionNumber = z.coerce.number().int().min(1);

/** A block's page: /library/<id>?tab=history&from=1&to=3&diff=split, /library/<id>?tab=runs */
export const blockDetailSearchSchema = z.object({
  tab: z.enum(DETAIL_TABS).optional().catch(undefined),
  /** The versions compared in the history: the older side, then the newer. */
  from: versionNumber.optional().catch(undefined),
  to: versionNumber.optional().catch(undefined),
  diff: z.enum(DIFF_MODES).optional().catch(undefined),
});
export type BlockDetailSearch = z.infer<typeof blockDetailSearchSchema>;
