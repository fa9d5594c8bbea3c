import type { FileSummary } from "@/client";
import { RenameDialog } from "@/components/RenameDialog";
import { useRenameFile } from "../api";
import { filenameSchema } from "../schemas";

type RenameFileDialogProps = {
  file: FileSummary | null;
  onClose: () => void;
  onRenamed?: () => void;
};

/** Where the name ends and the extension starts: "sales.csv.gz" -> 5. */
function baseNameLength(filename: string): number {
  const match = /\.(csv|tsv|txt)(\.gz)?$|\.gz$/i.exec(filename);
  const dot = match ? match.index : filename.lastIndexOf(".");
  return dot > 0 ? dot : filename.length;
}

export function RenameFileDialog({ file, onClose, onRenamed }: RenameFileDialogProps) {
  const renameFile = useRenameFile();
  return (
    <RenameDialog
      item={file}
      onClose={onClose}
      title="Rename file"
      label="File name"
      helperText="Keep the extension (.csv, .tsv, .txt) so the file stays recognisable."
      currentValue={(shown) => shown.filename}
      schema={filenameSchema}
      // Like a file manager: select the name, not the extension.
      selection={(filename) => [0, baseNameLength(filename)]}
      mutation={renameFile}
      variables={(renamed, filename) => ({ fileId: renamed.id, filename })}
      successToast={(saved) => ({ title: "File renamed", description: saved.filename })}
      onRenamed={onRenamed}
      inputProps={{ spellCheck: false }}
    />
  );
}
