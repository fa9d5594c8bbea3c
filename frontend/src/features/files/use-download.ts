import type { FileSummary } from "@/client";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useDownloadFile } from "./api";

/** Downloads a file and says so when it fails; `downloadingId` marks the file on its way. */
export function useDownload() {
  const downloadFile = useDownloadFile();
  const download = (file: FileSummary) =>
    downloadFile.mutate(
      { fileId: file.id, filename: file.filename },
      {
        onError: (error) =>
          toaster.error({
            title: `Could not download ${file.filename}`,
            description: getErrorMessage(
              error,
              "The download did not finish. Check your connection and try again.",
            ),
          }),
      },
    );
  return {
    download,
    downloadingId: downloadFile.isPending ? (downloadFile.variables?.fileId ?? null) : null,
  };
}
