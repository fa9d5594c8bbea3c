import { Text } from "@chakra-ui/react";
import { useState } from "react";
import type { FileSummary } from "@/client";
import { ConfirmDialog } from "@/components/ConfirmDialog";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useDeleteFile } from "../api";

type DeleteFileDialogProps = {
  file: FileSummary | null;
  onClose: () => void;
  /** Runs once the file is gone, before the dialog closes (e.g. leave the file's page). */
  onDeleted?: () => void | Promise<void>;
};

export function DeleteFileDialog({ file, onClose, onDeleted }: DeleteFileDialogProps) {
  const deleteFile = useDeleteFile({ onDeleted });
  // Keep showing the last file while the dialog animates out after `file` becomes null.
  const [shown, setShown] = useState(file);
  if (file && file !== shown) setShown(file);

  const close = () => {
    deleteFile.reset();
    onClose();
  };

  return (
    <ConfirmDialog
      open={file !== null}
      onOpenChange={(open) => !open && close()}
      title="Delete file?"
      description={
        <Text>
          <Text as="strong" wordBreak="break-all">
            {shown?.filename}
          </Text>{" "}
          is removed from Red Panda for good, with its profile and preview. The copy on your
          computer is not affected. This cannot be undone.
        </Text>
      }
      confirmLabel="Delete file"
      loading={deleteFile.isPending}
      error={deleteFile.isError ? getErrorMessage(deleteFile.error) : null}
      onConfirm={async () => {
        if (!file) return;
        try {
          // The promise settles even when the page leaves first (deleting from the file's page).
          await deleteFile.mutateAsync(file.id);
        } catch {
          return; // The dialog shows the server's message.
        }
        toaster.success({ title: "File deleted", description: file.filename });
        close();
      }}
    />
  );
}
