import { Input, Stack, Switch, Text } from "@chakra-ui/react";
import { Controller, type UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/form/FormField";
import { PasswordInput } from "@/components/form/PasswordInput";
import { PASSWORD_RULES_HINT } from "@/lib/validation";
import type { UserFormValues } from "../schemas";

type UserFormFieldsProps = {
  form: UseFormReturn<UserFormValues>;
  isEdit: boolean;
  /** An admin cannot demote or deactivate themself from here. */
  isSelf: boolean;
};

function SwitchField({
  form,
  name,
  label,
  description,
  disabled,
}: {
  form: UseFormReturn<UserFormValues>;
  name: "is_active" | "is_superuser";
  label: string;
  description: string;
  disabled: boolean;
}) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Stack gap="1">
          <Switch.Root
            name={field.name}
            checked={field.value}
            onCheckedChange={({ checked }) => field.onChange(checked)}
            disabled={disabled}
            colorPalette="brand"
          >
            <Switch.HiddenInput onBlur={field.onBlur} />
            <Switch.Control />
            <Switch.Label>{label}</Switch.Label>
          </Switch.Root>
          <Text textStyle="xs" color="fg.muted" ps="10">
            {description}
          </Text>
        </Stack>
      )}
    />
  );
}

export function UserFormFields({ form, isEdit, isSelf }: UserFormFieldsProps) {
  const {
    register,
    formState: { errors },
  } = form;

  return (
    <Stack gap="5">
      <FormField label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="off" inputMode="email" {...register("email")} />
      </FormField>
      <FormField label="Full name" error={errors.full_name?.message} helperText="Optional">
        <Input autoComplete="off" {...register("full_name")} />
      </FormField>
      <FormField
        label="Password"
        error={errors.password?.message}
        helperText={
          isEdit
            ? `Leave blank to keep the current password. ${PASSWORD_RULES_HINT}`
            : PASSWORD_RULES_HINT
        }
      >
        <PasswordInput autoComplete="new-password" {...register("password")} />
      </FormField>
      <SwitchField
        form={form}
        name="is_active"
        label="Active"
        description="Inactive users cannot log in."
        disabled={isSelf}
      />
      <SwitchField
        form={form}
        name="is_superuser"
        label="Admin"
        description="Admins can manage every user."
        disabled={isSelf}
      />
    </Stack>
  );
}
