import {
  keepPreviousData,
  type QueryClient,
  queryOptions,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import { z } from "zod";
import {
  type CodeBlockCreate,
  type CodeBlockDetail,
  type CodeBlockUpdate,
  createCodeBlock,
  deleteCodeBlock,
  exportCodeBlock,
  exportConversation,
  listCodeBlocks,
  listCodeBlockVersions,
  readCodeBlock,
  readCodeBlockFacets,
  readFile,
  updateCodeBlock,
} from "@/client";
import type { ApiErrorBody } from "@/lib/api-error";
import { filenameFromContentDisposition, saveBlob } from "@/lib/save-file";
import type { LibraryQuery } from "./search";

export const LIBRARY_PAGE_SIZE = 24;

// Query keys start with the resource: ["code-blocks", "list", {...}], ["code-blocks", "facets"],
// ["code-blocks", id], ["code-blocks", id, "versions"]. Every mutation refreshes the root.

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

const isBlockId = (value: string) => z.uuid().safeParse(value).success;

export const codeBlockQueryOptions = (blockId: string) =>
  queryOptions({
    queryKey: ["code-blocks", blockId],
    queryFn: async ({ signal }) => {
      // An address that cannot be a block id is as missing as a deleted block.
      if (!isBlockId(blockId)) throw NOT_FOUND;
      return (await readCodeBlock({ path: { code_block_id: blockId }, signal })).data;
    },
    retryOnMount: false,
  });

export const codeBlockVersionsQueryOptions = (blockId: string) =>
  queryOptions({
    queryKey: ["code-blocks", blockId, "versions"],
    queryFn: async ({ signal }) => {
      if (!isBlockId(blockId)) throw NOT_FOUND;
      return (await listCodeBlockVersions({ path: { code_block_id: blockId }, signal })).data;
    },
  });

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
