import {
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import type { ExecutionPublic } from "@/client";
import {
  type CodeBlockCreate,
  type CodeBlockDetail,
  type CodeBlockUpdate,
  checkCodeBlockCompatibility,
  createCodeBlock,
  deleteCodeBlock,
  downloadExecutionCsv,
  exportCodeBlock,
  exportConversation,
  listCodeBlockRuns,
  listCodeBlocks,
  listCodeBlockVersions,
  listFiles,
  readCodeBlock,
  readCodeBlockFacets,
  readCodeBlockStats,
  readFile,
  runCodeBlock,
  updateCodeBlock,
} from "@/client";
import type { ApiErrorBody } from "@/lib/api-error";
import { filenameFromContentDisposition, saveBlob } from "@/lib/save-file";
import { isUuid } from "@/lib/validation";
import type { LibraryQuery } from "./search";

export const LIBRARY_PAGE_SIZE = 24;

// Query keys start with the resource: ["code-blocks", "list", {...}], ["code-blocks", "facets"],
// ["code-blocks", "stats"], ["code-blocks", id], ["code-blocks", id, "versions"],
// ["code-blocks", id, "runs"], ["code-blocks", id, "compatibility", fileId]. Every mutation
// refreshes the root.

export const RUNS_PAGE_SIZE = 50;
const RUN_FILE_CHOICES = 50;

/** A calendar day typed in a date field, as the instant it starts in the reader's time zone. */
function startOfDay(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}

/** The instant after a calendar day ends: "to 31 January" includes all of the 31st. */
function endOfDay(day: string): string {
  const next = new Date(`${day}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}

export const codeBlocksListQueryOptions = ({ q, match, filters, sort, page }: LibraryQuery) => {
  const query = {
    q: q || undefined,
    match: q && match !== "any" ? match : undefined,
    tag: filters.tags.length > 0 ? filters.tags : undefined,
    language: filters.language ?? undefined,
    import: filters.importName ?? undefined,
    status: filters.status ?? undefined,
    created_after: filters.from ? startOfDay(filters.from) : undefined,
    created_before: filters.to ? endOfDay(filters.to) : undefined,
    conversation_id: filters.conversationId ?? undefined,
    file_id: filters.fileId ?? undefined,
    sort,
    skip: (page - 1) * LIBRARY_PAGE_SIZE,
    limit: LIBRARY_PAGE_SIZE,
  };
  return queryOptions({
    queryKey: ["code-blocks", "list", query],
    queryFn: async ({ signal }) => (await listCodeBlocks({ query, signal })).data,
    // Results stay on screen (dimmed) while the next keystroke's, page's or filter's load.
    placeholderData: keepPreviousData,
  });
};

export const codeBlockFacetsQueryOptions = () =>
  queryOptions({
    queryKey: ["code-blocks", "facets"],
    queryFn: async ({ signal }) => (await readCodeBlockFacets({ signal })).data,
  });

const NOT_FOUND: ApiErrorBody = {
  error: "CodeBlockNotFound",
  detail: "This code block does not exist or was deleted.",
};

export const codeBlockQueryOptions = (blockId: string) =>
  queryOptions({
    queryKey: ["code-blocks", blockId],
    queryFn: async ({ signal }) => {
      // An address that cannot be a block id is as missing as a deleted block.
      if (!isUuid(blockId)) throw NOT_FOUND;
      return (await readCodeBlock({ path: { code_block_id: blockId }, signal })).data;
    },
    retryOnMount: false,
  });

export const codeBlockVersionsQueryOptions = (blockId: string) =>
  queryOptions({
    queryKey: ["code-blocks", blockId, "versions"],
    queryFn: async ({ signal }) => {
      if (!isUuid(blockId)) throw NOT_FOUND;
      return (await listCodeBlockVersions({ path: { code_block_id: blockId }, signal })).data;
    },
  });

/** How much the library is reused: its header's figures. */
export const codeBlockStatsQueryOptions = () =>
  queryOptions({
    queryKey: ["code-blocks", "stats"],
    queryFn: async ({ signal }) => (await readCodeBlockStats({ signal })).data,
  });

/** Every run of the entry (whichever version ran), newest first. */
export const codeBlockRunsQueryOptions = (blockId: string) =>
  queryOptions({
    queryKey: ["code-blocks", blockId, "runs"],
    queryFn: async ({ signal }) => {
      if (!isUuid(blockId)) throw NOT_FOUND;
      const query = { skip: 0, limit: RUNS_PAGE_SIZE };
      return (await listCodeBlockRuns({ path: { code_block_id: blockId }, query, signal })).data;
    },
  });

/** The columns this version reads that one file lacks (a file's check is kept per file). */
export const compatibilityQueryOptions = (blockId: string, fileId: string) =>
  queryOptions({
    queryKey: ["code-blocks", blockId, "compatibility", fileId],
    queryFn: async ({ signal }) => {
      const query = { file_ids: [fileId] };
      const answer = await checkCodeBlockCompatibility({
        path: { code_block_id: blockId },
        query,
        signal,
      });
      return answer.data.data[0] ?? null;
    },
    staleTime: 60_000,
  });

/** The user's files to run a block on, newest first (the same key shape as the Files page). */
export const runFileChoicesQueryOptions = (q: string) => {
  const query = {
    skip: 0,
    limit: RUN_FILE_CHOICES,
    sort: "uploaded_at" as const,
    order: "desc" as const,
    q: q || undefined,
  };
  return queryOptions({
    queryKey: ["files", "list", query],
    queryFn: async ({ signal }) => (await listFiles({ query, signal })).data,
    placeholderData: keepPreviousData,
  });
};

/** Runs the version on each file (each its own run); answers once all have finished. */
export function useRunCodeBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      blockId,
      fileIds,
    }: {
      blockId: string;
      fileIds: string[];
    }): Promise<ExecutionPublic[]> =>
      (await runCodeBlock({ path: { code_block_id: blockId }, body: { file_ids: fileIds } })).data
        .data,
    // Run counts, the history, the last run's status and the reuse figures all change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["code-blocks"] }),
  });
}

/** Saves a run's whole table result as CSV, under the name the server gives it. */
export async function downloadRunCsv(runId: string): Promise<void> {
  const { data, response } = await downloadExecutionCsv({
    path: { execution_id: runId },
    parseAs: "blob",
  });
  saveBlob(
    asBlob(data),
    filenameFromContentDisposition(response.headers.get("Content-Disposition")) ?? "result.csv",
  );
}

/** A file's name, for the chip of the "code using this file" filter (the file may be gone). */
export const fileNameQueryOptions = (fileId: string | null) =>
  queryOptions({
    queryKey: ["files", fileId],
    queryFn: async ({ signal }) =>
      fileId ? (await readFile({ path: { file_id: fileId }, signal })).data : null,
    select: (file) => file?.filename ?? null,
    enabled: fileId !== null,
    retry: false,
  });

/** The block's full record, from the cache when it is there (copying from a card, say). */
export function fetchCodeBlock(queryClient: QueryClient, blockId: string) {
  return queryClient.fetchQuery({ ...codeBlockQueryOptions(blockId), staleTime: 60_000 });
}

export function useCreateCodeBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CodeBlockCreate) => (await createCodeBlock({ body })).data,
    onSuccess: (saved) => {
      queryClient.setQueryData(["code-blocks", saved.id], saved);
      return queryClient.invalidateQueries({ queryKey: ["code-blocks"] });
    },
  });
}

export type UpdateVariables = { blockId: string; changes: CodeBlockUpdate };

/**
 * Saves a change. New code comes back as a new version (another id); a name, description or
 * tags change comes back as the same version.
 */
export function useUpdateCodeBlock() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ blockId, changes }: UpdateVariables) =>
      (await updateCodeBlock({ path: { code_block_id: blockId }, body: changes })).data,
    onSuccess: (saved: CodeBlockDetail) => {
      queryClient.setQueryData(["code-blocks", saved.id], saved);
      return queryClient.invalidateQueries({ queryKey: ["code-blocks"] });
    },
  });
}

type DeleteOptions = {
  /** Runs before the cache forgets the block, e.g. to leave its page first. */
  onDeleted?: (blockId: string) => void | Promise<void>;
};

export function useDeleteCodeBlock({ onDeleted }: DeleteOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (blockId: string) => {
      await deleteCodeBlock({ path: { code_block_id: blockId } });
    },
    onSuccess: async (_data, blockId) => {
      await onDeleted?.(blockId);
      // Every version of the entry is gone: its pages would only answer 404 now.
      queryClient.removeQueries({ queryKey: ["code-blocks", blockId] });
      await queryClient.invalidateQueries({ queryKey: ["code-blocks"] });
    },
  });
}

export type ExportFormat = "py" | "ipynb";

/** The download's bytes: asked for as a blob, whatever type the schema gives the body. */
function asBlob(data: Blob | string): Blob {
  return data instanceof Blob ? data : new Blob([data]);
}

/** Downloads a version as a script or a notebook, under the name the server gives it. */
export function useExportCodeBlock() {
  return useMutation({
    mutationFn: async ({ blockId, format }: { blockId: string; format: ExportFormat }) => {
      const { data, response } = await exportCodeBlock({
        path: { code_block_id: blockId },
        query: { format },
        parseAs: "blob",
      });
      const name =
        filenameFromContentDisposition(response.headers.get("Content-Disposition")) ??
        `code.${format}`;
      saveBlob(asBlob(data), name);
      return name;
    },
  });
}

/** Downloads every block a conversation produced as one notebook. */
export function useExportConversation() {
  return useMutation({
    mutationFn: async (conversationId: string) => {
      const { data, response } = await exportConversation({
        path: { conversation_id: conversationId },
        query: { format: "ipynb" },
        parseAs: "blob",
      });
      const name =
        filenameFromContentDisposition(response.headers.get("Content-Disposition")) ??
        "conversation.ipynb";
      saveBlob(asBlob(data), name);
      return name;
    },
  });
}
