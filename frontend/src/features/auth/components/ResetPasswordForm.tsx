import { Button, Stack } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigate } from "@tanstack/react-router";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/form/FormAlert";
import { FormField } from "@/components/form/FormField";
import { PasswordInput } from "@/components/form/PasswordInput";
import { TextLink } from "@/components/TextLink";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage, hasErrorKind } from "@/lib/api-error";
import { useRevalidateConfirmation } from "@/lib/use-revalidate-confirmation";
import { PASSWORD_RULES_HINT } from "@/lib/validation";
import { useResetPassword } from "../api";
import { type ResetValues, resetSchema } from "../schemas";

export function ResetPasswordForm({ token }: { token: string }) {
  const navigate = useNavigate();
  const reset = useResetPassword();
  const form = useForm<ResetValues>({
    mode: "onChange",
    resolver: zodResolver(resetSchema),
    defaultValues: { new_password: "", confirm_password: "" },
  });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = form;
  useRevalidateConfirmation(form, "new_password", "confirm_password");

  const onSubmit = handleSubmit(({ new_password }) =>
    reset.mutate(
      { token, new_password },
      {
        onSuccess: () => {
          toaster.success({
            title: "Password updated",
            description: "Log in with your new password.",
          });
          navigate({ to: "/login", replace: true });
        },
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="5">
        <FormAlert message={reset.isError ? getErrorMessage(reset.error) : null} />
        {hasErrorKind(reset.error, "InvalidResetToken") && (
          <TextLink to="/recover-password" textStyle="sm">
            Request a new reset link
          </TextLink>
        )}
        <FormField
          label="New password"
          error={errors.new_password?.message}
          helperText={PASSWORD_RULES_HINT}
        >
          <PasswordInput autoComplete="new-password" autoFocus {...register("new_password")} />
        </FormField>
        <FormField label="Confirm password" error={errors.confirm_password?.message}>
          <PasswordInput autoComplete="new-password" {...register("confirm_password")} />
        </FormField>
        <Button type="submit" colorPalette="brand" size="lg" loading={reset.isPending}>
          Reset password
        </Button>
      </Stack>
    </form>
  );
}
