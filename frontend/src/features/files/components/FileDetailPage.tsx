import { Button, Stack, Tabs } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LuColumns3, LuTable } from "react-icons/lu";
import { FormAlert } from "@/components/form/FormAlert";
import { getErrorMessage, hasErrorKind } from "@/lib/api-error";
import { fileQueryOptions } from "../api";
import type { FileTab } from "../search";
import { useDownload } from "../use-download";
import { ColumnsPanel } from "./ColumnsPanel";
import { DeleteFileDialog } from "./DeleteFileDialog";
import { FileDetailHeader } from "./FileDetailHeader";
import { FileDetailSkeleton, FileNotFound } from "./FileDetailStates";
import { FileFacts } from "./FileFacts";
import { FileWarnings } from "./FileWarnings";
import { PreviewPanel } from "./PreviewPanel";
import { RenameFileDialog } from "./RenameFileDialog";

type FileDetailPageProps = {
  fileId: string;
  tab: FileTab;
  previewPage: number;
  previewPageSize: number;
  onTabChange: (tab: FileTab) => void;
  onPreviewPageChange: (page: number) => void;
  onPreviewPageSizeChange: (pageSize: number) => void;
  onRenamed: () => void;
  /** Leaves the page once the file is deleted. */
  onDeleted: () => void | Promise<void>;
};

export function FileDetailPage({
  fileId,
  tab,
  previewPage,
  previewPageSize,
  onTabChange,
  onPreviewPageChange,
  onPreviewPageSizeChange,
  onRenamed,
  onDeleted,
}: FileDetailPageProps) {
  const query = useQuery(fileQueryOptions(fileId));
  const { download, downloadingId } = useDownload();
  const [dialog, setDialog] = useState<"rename" | "delete" | null>(null);
  const file = query.data;

  if (!file) {
    if (
      query.isError &&
      (hasErrorKind(query.error, "FileNotFound") || hasErrorKind(query.error, "ValidationError"))
    ) {
      return <FileNotFound />;
    }
    if (query.isError) {
      return (
        <Stack gap="4" align="flex-start">
          <FormAlert title="This file could not be loaded" message={getErrorMessage(query.error)} />
          <Button variant="outline" onClick={() => query.refetch()} loading={query.isFetching}>
            Try again
          </Button>
        </Stack>
      );
    }
    return <FileDetailSkeleton />;
  }

  return (
    <>
      <FileDetailHeader
        file={file}
        downloading={downloadingId === file.id}
        onRename={() => setDialog("rename")}
        onDownload={() => download(file)}
        onDelete={() => setDialog("delete")}
      />
      <Stack gap="6">
        <FileFacts file={file} />
        <FileWarnings profile={file.profile} />
        <Tabs.Root
          value={tab}
          onValueChange={(details) => onTabChange(details.value as FileTab)}
          colorPalette="brand"
          variant="line"
          lazyMount
          unmountOnExit
        >
          <Tabs.List mb="4">
            <Tabs.Trigger value="columns">
              <LuColumns3 aria-hidden />
              Columns
            </Tabs.Trigger>
            <Tabs.Trigger value="preview">
              <LuTable aria-hidden />
              Preview
            </Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="columns">
            <ColumnsPanel columns={file.profile.columns} rowCount={file.row_count} />
          </Tabs.Content>
          <Tabs.Content value="preview">
            <PreviewPanel
              fileId={file.id}
              profileColumns={file.profile.columns}
              page={previewPage}
              pageSize={previewPageSize}
              onPageChange={onPreviewPageChange}
              onPageSizeChange={onPreviewPageSizeChange}
            />
          </Tabs.Content>
        </Tabs.Root>
      </Stack>

      <RenameFileDialog
        file={dialog === "rename" ? file : null}
        onClose={() => setDialog(null)}
        onRenamed={onRenamed}
      />
      <DeleteFileDialog
        file={dialog === "delete" ? file : null}
        onClose={() => setDialog(null)}
        onDeleted={onDeleted}
      />
    </>
  );
}
