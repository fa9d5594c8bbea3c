import { Button, Flex, Input, Stack } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useNavigate } from "@tanstack/react-router";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/form/FormAlert";
import { FormField } from "@/components/form/FormField";
import { PasswordInput } from "@/components/form/PasswordInput";
import { TextLink } from "@/components/TextLink";
import { getErrorMessage } from "@/lib/api-error";
import { safeRedirectTarget } from "@/lib/redirect";
import { useLogin } from "../api";
import { type LoginValues, loginSchema } from "../schemas";

type LoginFormProps = {
  /** Where to go after logging in (the page an expired session interrupted). */
  redirectTo?: string;
};

export function LoginForm({ redirectTo }: LoginFormProps) {
  const navigate = useNavigate();
  const login = useLogin();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LoginValues>({
    mode: "onChange",
    resolver: zodResolver(loginSchema),
    defaultValues: { email: "", password: "" },
  });

  const onSubmit = handleSubmit((values) =>
    login.mutate(values, {
      onSuccess: () => navigate({ href: safeRedirectTarget(redirectTo), replace: true }),
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="5">
        <FormAlert message={login.isError ? getErrorMessage(login.error) : null} />
        <FormField label="Email" error={errors.email?.message}>
          <Input
            type="email"
            autoComplete="username"
            inputMode="email"
            autoFocus
            {...register("email")}
          />
        </FormField>
        <FormField label="Password" error={errors.password?.message}>
          <PasswordInput autoComplete="current-password" {...register("password")} />
        </FormField>
        <Flex justify="flex-end" mt="-2">
          <TextLink to="/recover-password" textStyle="sm">
            Forgot password?
          </TextLink>
        </Flex>
        <Button type="submit" colorPalette="brand" size="lg" loading={login.isPending}>
          Log in
        </Button>
      </Stack>
    </form>
  );
}
