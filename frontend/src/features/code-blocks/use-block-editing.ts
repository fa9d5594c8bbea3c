import { useState } from "react";
import type { CodeBlockDetail, CodeBlockUpdate } from "@/client";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useUpdateCodeBlock } from "./api";

type BlockEditingOptions = {
  /** A save made a new version (another id): show it. */
  onNewVersion: (blockId: string) => void;
};

/** The detail page's edits: name and description in place, code as a new version, restoring. */
export function useBlockEditing(block: CodeBlockDetail, { onNewVersion }: BlockEditingOptions) {
  const update = useUpdateCodeBlock();
  const [restoring, setRestoring] = useState(false);
  const save = (blockId: string, changes: CodeBlockUpdate) =>
    update.mutateAsync({ blockId, changes });

  const announce = (saved: CodeBlockDetail) => {
    if (saved.id === block.id) return;
    toaster.success({
      title: `Saved as version ${saved.version}`,
      description: "The earlier versions stay in the history.",
    });
    onNewVersion(saved.id);
  };

  return {
    rename: (title: string) => save(block.id, { title }),
    describe: (description: string) => save(block.id, { description }),
    saveCode: async (code: string) => announce(await save(block.id, { code })),
    restoring,
    /** Saves this (older) version's code as the newest version. */
    restore: async () => {
      setRestoring(true);
      try {
        announce(
          await save(block.latest_version_id, { code: block.code, language: block.language }),
        );
      } catch (error) {
        toaster.error({ title: "Not restored", description: getErrorMessage(error) });
      } finally {
        setRestoring(false);
      }
    },
  };
}
