import { Input } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { FileSummary } from "@/client";
import { FormDialog } from "@/components/FormDialog";
import { FormField } from "@/components/form/FormField";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useRenameFile } from "../api";
import { type RenameFileValues, renameFileSchema } from "../schemas";

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
  // Keep showing the last name while the dialog animates out after `file` becomes null.
  const [shown, setShown] = useState(file);
  if (file && file !== shown) setShown(file);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const form = useForm<RenameFileValues>({
    mode: "onChange",
    resolver: zodResolver(renameFileSchema),
    values: { filename: shown?.filename ?? "" },
  });
  const { ref: registerRef, ...field } = form.register("filename");

  const close = () => {
    onClose();
    renameFile.reset();
  };

  const onSubmit = form.handleSubmit(({ filename }) => {
    if (!file) return;
    if (filename === file.filename) {
      close();
      return;
    }
    renameFile.mutate(
      { fileId: file.id, filename },
      {
        onSuccess: (saved) => {
          toaster.success({ title: "File renamed", description: saved.filename });
          onRenamed?.();
          close();
        },
      },
    );
  });

  return (
    <FormDialog
      open={file !== null}
      onClose={close}
      title="Rename file"
      onSubmit={onSubmit}
      submitLabel="Save"
      pending={renameFile.isPending}
      error={renameFile.isError ? getErrorMessage(renameFile.error) : null}
      initialFocusEl={() => {
        const input = inputRef.current;
        // Like a file manager: select the name, not the extension. After a frame, because the
        // dialog's focus trap selects the whole text once it has focused the input.
        if (input)
          requestAnimationFrame(() => input.setSelectionRange(0, baseNameLength(input.value)));
        return input;
      }}
    >
      <FormField
        label="File name"
        error={form.formState.errors.filename?.message}
        helperText="Keep the extension (.csv, .tsv, .txt) so the file stays recognisable."
      >
        <Input
          {...field}
          ref={(element) => {
            registerRef(element);
            inputRef.current = element;
          }}
          autoComplete="off"
          spellCheck={false}
        />
      </FormField>
    </FormDialog>
  );
}
