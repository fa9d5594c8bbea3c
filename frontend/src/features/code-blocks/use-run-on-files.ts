import { useQueries } from "@tanstack/react-query";
import { useState } from "react";
import type { FileCompatibility, FileSummary } from "@/client";
import { getErrorMessage } from "@/lib/api-error";
import { compatibilityQueryOptions, useRunCodeBlock } from "./api";

export const MAX_RUN_FILES = 10;

export type FileCheck =
  | { state: "checking" }
  | { state: "failed" }
  | { state: "checked"; compatibility: FileCompatibility };

/**
 * The "Run on files" dialog's state: the files picked (each checked against the columns the code
 * reads as soon as it is picked), then the runs once they have all finished.
 */
export function useRunOnFiles(blockId: string) {
  const [picked, setPicked] = useState<FileSummary[]>([]);
  const checks = useQueries({
    queries: picked.map((file) => compatibilityQueryOptions(blockId, file.id)),
  });
  const runBlock = useRunCodeBlock();

  const checkOf = (fileId: string): FileCheck | null => {
    const position = picked.findIndex((file) => file.id === fileId);
    if (position < 0) return null;
    const query = checks[position];
    if (!query || query.isPending) return { state: "checking" };
    if (query.isError || !query.data) return { state: "failed" };
    return { state: "checked", compatibility: query.data };
  };

  const incompatible = picked.filter((file) => {
    const check = checkOf(file.id);
    return check?.state === "checked" && !check.compatibility.compatible;
  });

  return {
    picked,
    toggle: (file: FileSummary) =>
      setPicked((current) =>
        current.some((f) => f.id === file.id)
          ? current.filter((f) => f.id !== file.id)
          : current.length < MAX_RUN_FILES
            ? [...current, file]
            : current,
      ),
    full: picked.length >= MAX_RUN_FILES,
    checkOf,
    checking: checks.some((query) => query.isPending),
    incompatible,
    run: () => runBlock.mutate({ blockId, fileIds: picked.map((file) => file.id) }),
    running: runBlock.isPending,
    runs: runBlock.data ?? null,
    error: runBlock.isError
      ? getErrorMessage(runBlock.error, "The code could not be run. Try again.")
      : null,
    /** Back to picking files, the last choice kept. */
    again: () => runBlock.reset(),
    /** Forget everything (the dialog closed). */
    clear: () => {
      runBlock.reset();
      setPicked([]);
    },
  };
}

export type RunOnFiles = ReturnType<typeof useRunOnFiles>;
