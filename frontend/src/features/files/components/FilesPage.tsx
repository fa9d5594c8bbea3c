import { Stack } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { FileSummary } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { ListPagination } from "@/components/ListPagination";
import { PageHeader } from "@/components/layout/PageHeader";
import { getErrorMessage } from "@/lib/api-error";
import { usePastLastPage } from "@/lib/use-past-last-page";
import { FILES_PAGE_SIZE, type FilesListParams, filesListQueryOptions } from "../api";
import { DEFAULT_ORDER, type FileSortField, type SortOrder } from "../search";
import { useDownload } from "../use-download";
import { useUploads } from "../use-uploads";
import { DeleteFileDialog } from "./DeleteFileDialog";
import { FileDropzone } from "./FileDropzone";
import { FilesEmptyState } from "./FilesEmptyState";
import { FilesTable, FilesTableSkeleton } from "./FilesTable";
import { FilesToolbar } from "./FilesToolbar";
import { RenameFileDialog } from "./RenameFileDialog";
import { UploadList } from "./UploadList";

type FilesPageProps = FilesListParams & {
  /** The signed-in user: uploads in this tab belong to them. */
  ownerId: string;
  onSearch: (q: string) => void;
  onPageChange: (page: number) => void;
  onSortChange: (sort: FileSortField, order: SortOrder) => void;
};

type DialogState =
  | { kind: "closed" }
  | { kind: "rename"; file: FileSummary }
  | { kind: "delete"; file: FileSummary };

export function FilesPage({
  ownerId,
  page,
  q,
  sort,
  order,
  onSearch,
  onPageChange,
  onSortChange,
}: FilesPageProps) {
  const files = useQuery(filesListQueryOptions({ page, q, sort, order }));
  const uploads = useUploads(ownerId);
  const { download, downloadingId } = useDownload();
  const [dialog, setDialog] = useState<DialogState>({ kind: "closed" });
  const closeDialog = () => setDialog({ kind: "closed" });
  const data = files.data;
  const pastTheEnd = usePastLastPage({
    page,
    pageSize: FILES_PAGE_SIZE,
    count: data?.count,
    settled: !files.isPlaceholderData,
    onPageChange,
  });

  // A header sorts by its column; clicking it again reverses the order.
  const onSort = (field: FileSortField) =>
    onSortChange(field, field === sort ? (order === "asc" ? "desc" : "asc") : DEFAULT_ORDER[field]);

  return (
    <>
      <PageHeader
        title="Files"
        description="Your CSV files, profiled and ready for your conversations."
      />
      <Stack gap="6" mb="8">
        <FileDropzone onFiles={uploads.add} />
        <UploadList
          uploads={uploads.uploads}
          onCancel={uploads.cancel}
          onRetry={uploads.retry}
          onDismiss={uploads.dismiss}
          onClearFinished={uploads.clearFinished}
        />
      </Stack>

      {(q || (data && data.count > 0)) && (
        <FilesToolbar
          q={q}
          onSearch={onSearch}
          busy={files.isPlaceholderData}
          sort={sort}
          order={order}
          onSortChange={onSortChange}
        />
      )}
      {files.isError && !data && <FormAlert message={getErrorMessage(files.error)} />}
      {files.isPending && <FilesTableSkeleton rows={4} />}
      {data && data.data.length === 0 && !pastTheEnd && (
        <FilesEmptyState q={q} onClearSearch={() => onSearch("")} />
      )}
      {data && data.data.length > 0 && (
        <FilesTable
          files={data.data}
          stale={files.isPlaceholderData}
          sort={sort}
          order={order}
          onSort={onSort}
          downloadingId={downloadingId}
          onRename={(file) => setDialog({ kind: "rename", file })}
          onDownload={download}
          onDelete={(file) => setDialog({ kind: "delete", file })}
        />
      )}
      {data && data.count > 0 && !pastTheEnd && (
        <ListPagination
          page={page}
          pageSize={FILES_PAGE_SIZE}
          count={data.count}
          onPageChange={onPageChange}
          noun={["file", "files"]}
        />
      )}

      <RenameFileDialog
        file={dialog.kind === "rename" ? dialog.file : null}
        onClose={closeDialog}
      />
      <DeleteFileDialog
        file={dialog.kind === "delete" ? dialog.file : null}
        onClose={closeDialog}
      />
    </>
  );
}
