import { Text } from "@chakra-ui/react";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ConfirmDialog";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { formatCount } from "@/lib/format";
import { useDeleteCodeBlock } from "../api";

export type DeletableBlock = { id: string; title: string; versions_count: number };

type DeleteBlockDialogProps = {
  block: DeletableBlock | null;
  onClose: () => void;
  /** Runs once the block is gone, before the dialog closes (e.g. leave the block's page). */
  onDeleted?: () => void | Promise<void>;
};

export function DeleteBlockDialog({ block, onClose, onDeleted }: DeleteBlockDialogProps) {
  const deleteBlock = useDeleteCodeBlock({ onDeleted });
  // Keep showing the last block while the dialog animates out after `block` becomes null.
  const [shown, setShown] = useState(block);
  if (block && block !== shown) setShown(block);

  const close = () => {
    deleteBlock.reset();
    onClose();
  };
  const versions = shown ? shown.versions_count : 1;

  return (
    <ConfirmDialog
      open={block !== null}
      onOpenChange={(open) => !open && close()}
      title="Delete from the library?"
      description={
        <Text>
          <Text as="strong" wordBreak="break-word">
            {shown?.title}
          </Text>{" "}
          {versions > 1
            ? `and all its ${formatCount(versions, "version", "versions")} are removed for good.`
            : "is removed for good."}{" "}
          The chat it came from keeps its reply. This cannot be undone.
        </Text>
      }
      confirmLabel="Delete"
      loading={deleteBlock.isPending}
      error={deleteBlock.isError ? getErrorMessage(deleteBlock.error) : null}
      onConfirm={async () => {
        if (!block) return;
        try {
          await deleteBlock.mutateAsync(block.id);
        } catch {
          return; // The dialog shows the server's message.
        }
        toaster.success({ title: "Deleted from the library", description: block.title });
        close();
      }}
    />
  );
}
