import { Button, Input, Stack } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigate } from "@tanstack/react-router";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/form/FormAlert";
import { FormField } from "@/components/form/FormField";
import { PasswordInput } from "@/components/form/PasswordInput";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useRevalidateConfirmation } from "@/lib/use-revalidate-confirmation";
import { emptyToNull, PASSWORD_RULES_HINT } from "@/lib/validation";
import { useSignup } from "../api";
import { type SignupValues, signupSchema } from "../schemas";

export function SignupForm() {
  const navigate = useNavigate();
  const signup = useSignup();
  const form = useForm<SignupValues>({
    mode: "onChange",
    resolver: zodResolver(signupSchema),
    defaultValues: { full_name: "", email: "", password: "", confirm_password: "" },
  });
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = form;
  useRevalidateConfirmation(form, "password", "confirm_password");

  const onSubmit = handleSubmit(({ full_name, email, password }) =>
    signup.mutate(
      { email, password, full_name: emptyToNull(full_name) },
      {
        onSuccess: () => {
          toaster.success({
            title: "Account created",
            description: "Log in with your e-mail and password to get started.",
          });
          navigate({ to: "/login" });
        },
      },
    ),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="5">
        <FormAlert message={signup.isError ? getErrorMessage(signup.error) : null} />
        <FormField label="Full name" error={errors.full_name?.message} helperText="Optional">
          <Input autoComplete="name" autoFocus {...register("full_name")} />
        </FormField>
        <FormField label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="email" inputMode="email" {...register("email")} />
        </FormField>
        <FormField
          label="Password"
          error={errors.password?.message}
          helperText={PASSWORD_RULES_HINT}
        >
          <PasswordInput autoComplete="new-password" {...register("password")} />
        </FormField>
        <FormField label="Confirm password" error={errors.confirm_password?.message}>
          <PasswordInput autoComplete="new-password" {...register("confirm_password")} />
        </FormField>
        <Button type="submit" colorPalette="brand" size="lg" loading={signup.isPending}>
          Sign up
        </Button>
      </Stack>
    </form>
  );
}
