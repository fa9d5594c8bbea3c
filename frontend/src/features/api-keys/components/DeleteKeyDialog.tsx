import { Text } from "@chakra-ui/react";
import { useState } from "react";
import type { ApiKeyPublic } from "@/client";
import { ConfirmDialog } from "@/components/ConfirmDialog";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useDeleteApiKey } from "../api";

type DeleteKeyDialogProps = {
  apiKey: ApiKeyPublic | null;
  onClose: () => void;
};

export function DeleteKeyDialog({ apiKey, onClose }: DeleteKeyDialogProps) {
  const remove = useDeleteApiKey();
  const [shown, setShown] = useState(apiKey);
  if (apiKey && apiKey !== shown) setShown(apiKey);

  const close = () => {
    remove.reset();
    onClose();
  };

  return (
    <ConfirmDialog
      open={apiKey !== null}
      onOpenChange={(open) => !open && close()}
      title="Delete key?"
      description={
        <Text>
          <strong>{shown?.label}</strong> (ending in {shown?.key_last4}) is deleted for good.
          {shown?.is_default
            ? " Your newest other key becomes the default; with none left, chats use the built-in assistant."
            : " Conversations that used it switch to your default key."}{" "}
          Its usage history stays.
        </Text>
      }
      confirmLabel="Delete key"
      loading={remove.isPending}
      error={remove.isError ? getErrorMessage(remove.error) : null}
      onConfirm={() => {
        if (!apiKey) return;
        remove.mutate(apiKey.id, {
          onSuccess: () => {
            toaster.success({ title: "Key deleted", description: apiKey.label });
            close();
          },
        });
      }}
    />
  );
}
