import { Button, Flex, Input, Stack } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { UserPublic } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { FormField } from "@/components/form/FormField";
import { SettingsSection } from "@/components/SettingsSection";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { emptyToNull } from "@/lib/validation";
import { useUpdateMe } from "../api";
import { type ProfileValues, profileSchema } from "../schemas";

export function ProfileForm({ user }: { user: UserPublic }) {
  const updateMe = useUpdateMe();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isDirty },
  } = useForm<ProfileValues>({
    mode: "onChange",
    resolver: zodResolver(profileSchema),
    values: { full_name: user.full_name ?? "", email: user.email },
  });

  const onSubmit = handleSubmit((values) =>
    updateMe.mutate(
      { full_name: emptyToNull(values.full_name), email: values.email },
      {
        onSuccess: (saved) => {
          reset({ full_name: saved.full_name ?? "", email: saved.email });
          toaster.success({ title: "Profile saved" });
        },
      },
    ),
  );

  return (
    <SettingsSection
      title="Profile"
      description="How you appear in Red Panda and where we reach you."
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="5" maxW="lg">
          <FormAlert message={updateMe.isError ? getErrorMessage(updateMe.error) : null} />
          <FormField label="Full name" error={errors.full_name?.message}>
            <Input autoComplete="name" {...register("full_name")} />
          </FormField>
          <FormField
            label="Email"
            error={errors.email?.message}
            helperText="You log in with this address; password reset links are sent here."
          >
            <Input type="email" autoComplete="email" inputMode="email" {...register("email")} />
          </FormField>
          <Flex gap="3">
            <Button
              type="submit"
              colorPalette="brand"
              loading={updateMe.isPending}
              disabled={!isDirty}
            >
              Save
            </Button>
            {isDirty && (
              <Button variant="ghost" onClick={() => reset()} disabled={updateMe.isPending}>
                Cancel
              </Button>
            )}
          </Flex>
        </Stack>
      </form>
    </SettingsSection>
  );
}
