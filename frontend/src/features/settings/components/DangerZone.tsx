import { Button, Stack, Text } from "@chakra-ui/react";
import { useState } from "react";
import type { UserPublic } from "@/client";
import { ConfirmDialog } from "@/components/ConfirmDialog";
import { SettingsSection } from "@/components/SettingsSection";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useLogout } from "@/lib/session";
import { useDeleteMe } from "../api";

export function DangerZone({ user }: { user: UserPublic }) {
  const [open, setOpen] = useState(false);
  const deleteMe = useDeleteMe();
  const logout = useLogout();

  const confirmDelete = () =>
    deleteMe.mutate(undefined, {
      onSuccess: async () => {
        setOpen(false);
        await logout();
        toaster.success({
          title: "Account deleted",
          description: "Your account and everything in it have been removed.",
        });
      },
    });

  return (
    <SettingsSection
      tone="danger"
      title="Danger zone"
      description="Deleting your account is permanent and cannot be undone."
    >
      <Stack gap="4" align="flex-start">
        <Text textStyle="sm" maxW="2xl">
          Your profile, settings and everything you created in Red Panda are removed for good. If
          you are the last active admin, make another user an admin first.
        </Text>
        <Button
          colorPalette="red"
          variant="outline"
          onClick={() => {
            deleteMe.reset();
            setOpen(true);
          }}
        >
          Delete account
        </Button>
      </Stack>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Delete your account?"
        description={
          <Text>
            This permanently deletes <strong>{user.email}</strong> and logs you out. There is no way
            to restore it.
          </Text>
        }
        confirmationText={user.email}
        confirmationLabel="Type your e-mail to confirm"
        confirmLabel="Delete my account"
        onConfirm={confirmDelete}
        loading={deleteMe.isPending}
        error={deleteMe.isError ? getErrorMessage(deleteMe.error) : null}
      />
    </SettingsSection>
  );
}
