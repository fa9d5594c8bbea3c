import { Input, NativeSelect, Stack } from "@chakra-ui/react";
import type { UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/form/FormField";
import { PasswordInput } from "@/components/form/PasswordInput";
import { type AddKeyValues, BASE_URL_HINT, PROVIDERS } from "../schemas";

/** Provider, label, key and (for a compatible server) its address. */
export function AddKeyFields({ form }: { form: UseFormReturn<AddKeyValues> }) {
  const { register, watch, formState } = form;
  const { errors } = formState;
  const provider = watch("provider");
  const current = PROVIDERS.find((option) => option.value === provider) ?? PROVIDERS[0];

  return (
    <Stack gap="4">
      <FormField label="Provider" error={errors.provider?.message}>
        <NativeSelect.Root>
          <NativeSelect.Field {...register("provider")}>
            {PROVIDERS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
      </FormField>
      <FormField
        label="Label"
        error={errors.label?.message}
        helperText={`Optional, to tell keys apart (e.g. Work). Defaults to “${current.label}”.`}
      >
        <Input autoComplete="off" placeholder={current.label} {...register("label")} />
      </FormField>
      {provider === "openai_compatible" && (
        <FormField label="Base URL" error={errors.base_url?.message} helperText={BASE_URL_HINT}>
          <Input
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="http://localhost:11434/v1"
            {...register("base_url")}
          />
        </FormField>
      )}
      <FormField
        label="API key"
        error={errors.api_key?.message}
        helperText="Stored encrypted and never shown again, only its last 4 characters."
      >
        <PasswordInput
          secretName="key"
          autoComplete="off"
          spellCheck={false}
          placeholder={current.keyHint}
          {...register("api_key")}
        />
      </FormField>
    </Stack>
  );
}
