import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import {
  deleteFile,
  downloadFile,
  type FileDetail,
  listFiles,
  previewFile,
  readFile,
  renameFile,
} from "@/client";
import { client } from "@/client/client.gen";
import type { ApiErrorBody } from "@/lib/api-error";
import { filenameFromContentDisposition, saveBlob } from "@/lib/save-file";
import { type UploadProgress, uploadRequest } from "@/lib/upload-request";
import { isUuid } from "@/lib/validation";
import type { FileSortField, SortOrder } from "./search";

export const FILES_PAGE_SIZE = 20;

// Query keys start with the resource: ["files", "list", {...}], ["files", id], ["files", id, "preview", {...}].
// Every mutation refreshes the "files" key root.

export type FilesListParams = { page: number; q: string; sort: FileSortField; order: SortOrder };

export const filesListQueryOptions = ({ page, q, sort, order }: FilesListParams) => {
  const query = {
    skip: (page - 1) * FILES_PAGE_SIZE,
    limit: FILES_PAGE_SIZE,
    sort,
    order,
    q: q || undefined,
  };
  return queryOptions({
    queryKey: ["files", "list", query],
    queryFn: async ({ signal }) => (await listFiles({ query, signal })).data,
    // Keep the current page on screen while the next page, order or search result loads.
    placeholderData: keepPreviousData,
  });
};

const NOT_FOUND: ApiErrorBody = {
  error: "FileNotFound",
  detail: "This file does not exist or was deleted.",
};

export const fileQueryOptions = (fileId: string) =>
  queryOptions({
    queryKey: ["files", fileId],
    queryFn: async ({ signal }) => {
      // An address that cannot be a file id is as missing as a deleted file.
      if (!isUuid(fileId)) throw NOT_FOUND;
      return (await readFile({ path: { file_id: fileId }, signal })).data;
    },
    // The route's loader already asked; a missing file stays missing, so do not ask twice.
    retryOnMount: false,
  });

export type PreviewParams = { fileId: string; page: number; pageSize: number };

export const filePreviewQueryOptions = ({ fileId, page, pageSize }: PreviewParams) => {
  const query = { skip: (page - 1) * pageSize, limit: pageSize };
  return queryOptions({
    queryKey: ["files", fileId, "preview", query],
    queryFn: async ({ signal }) => {
      if (!isUuid(fileId)) throw NOT_FOUND;
      return (await previewFile({ path: { file_id: fileId }, query, signal })).data;
    },
    placeholderData: keepPreviousData,
    // A stored file's rows never change; only a rename touches the file, and not its rows.
    staleTime: Number.POSITIVE_INFINITY,
  });
};

type UploadOptions = {
  onProgress: (progress: UploadProgress) => void;
  onSent: () => void;
  signal: AbortSignal;
};

/** Uploads one file with XMLHttpRequest so the page can show real progress and cancel it. */
export function uploadFile(file: File, { onProgress, onSent, signal }: UploadOptions) {
  const body = new FormData();
  body.append("file", file, file.name);
  return uploadRequest<FileDetail>({
    url: client.buildUrl({ url: "/api/v1/files/" }),
    body,
    onProgress,
    onSent,
    signal,
  });
}

export function useRenameFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ fileId, filename }: { fileId: string; filename: string }) =>
      (await renameFile({ path: { file_id: fileId }, body: { filename } })).data,
    onSuccess: (saved) => {
      queryClient.setQueryData(["files", saved.id], saved);
      return queryClient.invalidateQueries({ queryKey: ["files"] });
    },
  });
}

type DeleteFileOptions = {
  /** Runs before the cache forgets the file, e.g. to leave the file's own page first. */
  onDeleted?: (fileId: string) => void | Promise<void>;
};

export function useDeleteFile({ onDeleted }: DeleteFileOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (fileId: string) => {
      await deleteFile({ path: { file_id: fileId } });
    },
    onSuccess: async (_data, fileId) => {
      await onDeleted?.(fileId);
      // The deleted file's own queries would only answer 404 now: drop them rather than refetch.
      queryClient.removeQueries({ queryKey: ["files", fileId] });
      await queryClient.invalidateQueries({ queryKey: ["files"] });
    },
  });
}

/** Fetches the original bytes with the session's token and saves them under the server's name. */
export function useDownloadFile() {
  return useMutation({
    mutationFn: async ({ fileId, filename }: { fileId: string; filename: string }) => {
      const { data, response } = await downloadFile({
        path: { file_id: fileId },
        parseAs: "blob",
      });
      const name =
        filenameFromContentDisposition(response.headers.get("Content-Disposition")) ?? filename;
      saveBlob(data, name);
      return name;
    },
  });
}

/**
 * What happens when an upload ends: a stored file's page is primed with the answer, and the list
 * refreshes (also after a failure or a cancel, in case the server kept the file before the end).
 */
export function useUploadSettled() {
  const queryClient = useQueryClient();
  return useCallback(
    (file: FileDetail | null) => {
      if (file) queryClient.setQueryData(["files", file.id], file);
      return queryClient.invalidateQueries({ queryKey: ["files"] });
    },
    [queryClient],
  );
}
