import { Button, Stack } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/form/FormAlert";
import { FormField } from "@/components/form/FormField";
import { PasswordInput } from "@/components/form/PasswordInput";
import { SettingsSection } from "@/components/SettingsSection";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useRevalidateConfirmation } from "@/lib/use-revalidate-confirmation";
import { PASSWORD_RULES_HINT } from "@/lib/validation";
import { useUpdatePassword } from "../api";
import { type PasswordChangeValues, passwordChangeSchema } from "../schemas";

const EMPTY: PasswordChangeValues = {
  current_password: "",
  new_password: "",
  confirm_password: "",
};

export function PasswordForm() {
  const updatePassword = useUpdatePassword();
  const form = useForm<PasswordChangeValues>({
    mode: "onChange",
    resolver: zodResolver(passwordChangeSchema),
    defaultValues: EMPTY,
  });
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = form;
  useRevalidateConfirmation(form, "new_password", "confirm_password");

  const onSubmit = handleSubmit(({ current_password, new_password }) =>
    updatePassword.mutate(
      { current_password, new_password },
      {
        onSuccess: () => {
          reset(EMPTY);
          toaster.success({
            title: "Password changed",
            description: "Other devices signed in with your old password have been logged out.",
          });
        },
      },
    ),
  );

  return (
    <SettingsSection
      title="Password"
      description="Changing your password logs out every other session."
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="5" maxW="lg">
          <FormAlert
            message={updatePassword.isError ? getErrorMessage(updatePassword.error) : null}
          />
          <FormField label="Current password" error={errors.current_password?.message}>
            <PasswordInput autoComplete="current-password" {...register("current_password")} />
          </FormField>
          <FormField
            label="New password"
            error={errors.new_password?.message}
            helperText={PASSWORD_RULES_HINT}
          >
            <PasswordInput autoComplete="new-password" {...register("new_password")} />
          </FormField>
          <FormField label="Confirm password" error={errors.confirm_password?.message}>
            <PasswordInput autoComplete="new-password" {...register("confirm_password")} />
          </FormField>
          <Button
            type="submit"
            colorPalette="brand"
            alignSelf="flex-start"
            loading={updatePassword.isPending}
          >
            Change password
          </Button>
        </Stack>
      </form>
    </SettingsSection>
  );
}
