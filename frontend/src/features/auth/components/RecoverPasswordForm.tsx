import { Alert, Button, Input, Stack } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { FormAlert } from "@/components/form/FormAlert";
import { FormField } from "@/components/form/FormField";
import { getErrorMessage } from "@/lib/api-error";
import { useRecoverPassword } from "../api";
import { type RecoverValues, recoverSchema } from "../schemas";

export function RecoverPasswordForm() {
  const recover = useRecoverPassword();
  const {
    register,
    handleSubmit,
    getValues,
    formState: { errors },
  } = useForm<RecoverValues>({
    mode: "onChange",
    resolver: zodResolver(recoverSchema),
    defaultValues: { email: "" },
  });

  const onSubmit = handleSubmit(({ email }) => recover.mutate(email));

  if (recover.isSuccess) {
    // The same words whether or not the address has an account, so the page reveals nothing.
    return (
      <Stack gap="5">
        <Alert.Root status="success" role="status" borderRadius="md">
          <Alert.Indicator />
          <Alert.Content>
            <Alert.Title>Check your inbox</Alert.Title>
            <Alert.Description>
              If an account exists for {getValues("email")}, a link to choose a new password is on
              its way. It only works for a limited time. Nothing after a few minutes? Check your
              spam folder, or send the link again.
            </Alert.Description>
          </Alert.Content>
        </Alert.Root>
        <Button variant="outline" onClick={() => recover.reset()}>
          Use a different e-mail
        </Button>
      </Stack>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="5">
        <FormAlert message={recover.isError ? getErrorMessage(recover.error) : null} />
        <FormField label="Email" error={errors.email?.message}>
          <Input
            type="email"
            autoComplete="email"
            inputMode="email"
            autoFocus
            {...register("email")}
          />
        </FormField>
        <Button type="submit" colorPalette="brand" size="lg" loading={recover.isPending}>
          Send reset link
        </Button>
      </Stack>
    </form>
  );
}
