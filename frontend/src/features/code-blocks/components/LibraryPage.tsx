import { Button, HStack, Stack } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LuNotebookPen, LuPlus } from "react-icons/lu";
import type { CodeBlockDetail, CodeBlockSummary } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { ListPagination } from "@/components/ListPagination";
import { PageHeader } from "@/components/layout/PageHeader";
import { getErrorMessage } from "@/lib/api-error";
import { usePastLastPage } from "@/lib/use-past-last-page";
import {
  codeBlockFacetsQueryOptions,
  codeBlocksListQueryOptions,
  fileNameQueryOptions,
  LIBRARY_PAGE_SIZE,
} from "../api";
import { withTag } from "../schemas";
import {
  type LibraryFilters as Filters,
  hasFilters,
  type LibraryQuery,
  type LibrarySort,
  type LibraryView,
  type MatchMode,
} from "../search";
import { useBlockActions } from "../use-block-actions";
import { useExportConversationNotebook } from "../use-export-conversation";
import { chatName } from "./BlockMeta";
import { BlockResults, BlockResultsSkeleton } from "./BlockResults";
import { DeleteBlockDialog } from "./DeleteBlockDialog";
import { LibraryEmptyState } from "./LibraryEmptyState";
import { LibraryFilters } from "./LibraryFilters";
import { LibraryToolbar } from "./LibraryToolbar";
import { NewSnippetDialog } from "./NewSnippetDialog";
import { ReuseFigures } from "./ReuseFigures";

type LibraryPageProps = {
  query: LibraryQuery;
  view: LibraryView;
  onSearch: (q: string) => void;
  onMatchChange: (match: MatchMode) => void;
  onFiltersChange: (filters: Filters) => void;
  onSortChange: (sort: LibrarySort) => void;
  onViewChange: (view: LibraryView) => void;
  onPageChange: (page: number) => void;
  onOpen: (blockId: string) => void;
  onClearAll: () => void;
};

/** The code library: search, filters, the results as cards or rows, and paging. */
export function LibraryPage({
  query,
  view,
  onSearch,
  onMatchChange,
  onFiltersChange,
  onSortChange,
  onViewChange,
  onPageChange,
  onOpen,
  onClearAll,
}: LibraryPageProps) {
  const { q, filters, page } = query;
  const list = useQuery(codeBlocksListQueryOptions(query));
  const facets = useQuery(codeBlockFacetsQueryOptions());
  const fileName = useQuery(fileNameQueryOptions(filters.fileId));
  const actions = useBlockActions();
  const exportConversation = useExportConversationNotebook();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<CodeBlockSummary | null>(null);
  const data = list.data;
  const narrowed = Boolean(q) || hasFilters(filters);
  const pastTheEnd = usePastLastPage({
    page,
    pageSize: LIBRARY_PAGE_SIZE,
    count: data?.count,
    settled: !list.isPlaceholderData,
    onPageChange,
  });

  const conversationId = filters.conversationId;
  const headerActions = (
    <HStack gap="2" wrap="wrap">
      {conversationId && (
        <Button
          variant="outline"
          onClick={() => exportConversation.run(conversationId)}
          loading={exportConversation.pending}
        >
          <LuNotebookPen aria-hidden />
          Export chat as notebook
        </Button>
      )}
      <Button colorPalette="brand" onClick={() => setCreating(true)}>
        <LuPlus aria-hidden />
        New snippet
      </Button>
    </HStack>
  );

  return (
    <>
      <PageHeader
        title="Code library"
        description="Every code block from your chats, named, versioned and searchable."
        actions={headerActions}
      />
      <ReuseFigures />
      {(narrowed || (data && data.count > 0)) && (
        <Stack gap="4" mb="5">
          <LibraryToolbar
            q={q}
            onSearch={onSearch}
            busy={list.isPlaceholderData}
            match={query.match}
            onMatchChange={onMatchChange}
            sort={query.sort}
            onSortChange={onSortChange}
            view={view}
            onViewChange={onViewChange}
          />
          <LibraryFilters
            filters={filters}
            facets={facets.data}
            onChange={onFiltersChange}
            conversationTitle={data?.data[0] ? chatName(data.data[0].conversation_title) : null}
            fileName={fileName.data ?? null}
          />
        </Stack>
      )}
      {list.isError && !data && <FormAlert message={getErrorMessage(list.error)} />}
      {list.isError && data && <FormAlert status="warning" message={getErrorMessage(list.error)} />}
      {list.isPending && <BlockResultsSkeleton view={view} />}
      {data && data.data.length === 0 && !pastTheEnd && (
        <LibraryEmptyState
          narrowed={narrowed}
          onClear={onClearAll}
          onNewSnippet={() => setCreating(true)}
        />
      )}
      {data && data.data.length > 0 && (
        <BlockResults
          blocks={data.data}
          view={view}
          stale={list.isPlaceholderData}
          tagSuggestions={facets.data?.tags.map((tag) => tag.value) ?? []}
          onTagClick={(tag) => onFiltersChange({ ...filters, tags: withTag(filters.tags, tag) })}
          exportingId={actions.exportingId}
          onOpen={(block) => onOpen(block.id)}
          onCopy={actions.copy}
          onUseInChat={actions.chat}
          onExport={actions.download}
          onDelete={setDeleting}
        />
      )}
      {data && data.count > 0 && !pastTheEnd && (
        <ListPagination
          page={page}
          pageSize={LIBRARY_PAGE_SIZE}
          count={data.count}
          onPageChange={onPageChange}
          noun={["block", "blocks"]}
        />
      )}

      <NewSnippetDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(block: CodeBlockDetail) => onOpen(block.id)}
      />
      <DeleteBlockDialog block={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}
