import { Text } from "@chakra-ui/react";
import { useState } from "react";
import type { UserPublic } from "@/client";
import { ConfirmDialog } from "@/components/ConfirmDialog";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useDeleteUser } from "../api";

type DeleteUserDialogProps = {
  user: UserPublic | null;
  onClose: () => void;
};

export function DeleteUserDialog({ user, onClose }: DeleteUserDialogProps) {
  const deleteUser = useDeleteUser();
  // Keep showing the last user while the dialog animates out after `user` becomes null.
  const [shown, setShown] = useState(user);
  if (user && user !== shown) setShown(user);

  const close = () => {
    deleteUser.reset();
    onClose();
  };

  return (
    <ConfirmDialog
      open={user !== null}
      onOpenChange={(open) => !open && close()}
      title="Delete user?"
      description={
        <Text>
          <strong>{shown?.email}</strong> will lose access and everything they created in Red Panda
          is removed. This cannot be undone. To only block access, edit the user and turn off Active
          instead.
        </Text>
      }
      confirmLabel="Delete user"
      loading={deleteUser.isPending}
      error={deleteUser.isError ? getErrorMessage(deleteUser.error) : null}
      onConfirm={() => {
        if (!user) return;
        deleteUser.mutate(user.id, {
          onSuccess: () => {
            toaster.success({ title: "User deleted", description: user.email });
            close();
          },
        });
      }}
    />
  );
}
