import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useUpdateCodeBlock } from "./api";

/**
 * A block's tags, saved as they are edited. Until the server has answered (and the lists have
 * refreshed), the edited tags are shown, so a chip appears or goes the moment it is changed.
 */
export function useTagEditing(blockId: string, tags: string[]) {
  const update = useUpdateCodeBlock();
  const pending = update.isPending ? update.variables.changes.tags : undefined;

  const save = (next: string[]) =>
    update.mutate(
      { blockId, changes: { tags: next } },
      {
        onError: (error) =>
          toaster.error({ title: "The tags were not saved", description: getErrorMessage(error) }),
      },
    );

  return { tags: pending ?? tags, save };
}
