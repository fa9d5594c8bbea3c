import { Input, NativeSelect } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { ApiKeyPublic, ApiKeyUpdate } from "@/client";
import { FormDialog } from "@/components/FormDialog";
import { FormField } from "@/components/form/FormField";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { useUpdateApiKey } from "../api";
import { BASE_URL_HINT, type EditKeyValues, editKeySchema } from "../schemas";

type EditKeyDialogProps = {
  apiKey: ApiKeyPublic | null;
  onClose: () => void;
};

/** Relabel a key and pick its default model (a compatible server's address can change too). */
export function EditKeyDialog({ apiKey, onClose }: EditKeyDialogProps) {
  const update = useUpdateApiKey();
  const [shown, setShown] = useState(apiKey);
  if (apiKey && apiKey !== shown) setShown(apiKey);
  const compatible = shown?.provider === "openai_compatible";
  // A default typed before the models were listed stays selectable.
  const modelOptions = [
    ...new Set([...(shown?.default_model ? [shown.default_model] : []), ...(shown?.models ?? [])]),
  ];
  const form = useForm<EditKeyValues>({
    mode: "onTouched",
    resolver: zodResolver(editKeySchema(compatible)),
    values: {
      label: shown?.label ?? "",
      base_url: shown?.base_url ?? "",
      default_model: shown?.default_model ?? "",
    },
  });
  const { errors, dirtyFields } = form.formState;

  const close = () => {
    onClose();
    update.reset();
  };

  const onSubmit = form.handleSubmit(({ label, base_url, default_model }) => {
    if (!apiKey) return;
    const body: ApiKeyUpdate = { label, default_model: default_model || null };
    if (compatible && dirtyFields.base_url) body.base_url = base_url;
    update.mutate(
      { apiKeyId: apiKey.id, body },
      {
        onSuccess: (saved) => {
          toaster.success({ title: "Key saved", description: saved.label });
          close();
        },
      },
    );
  });

  return (
    <FormDialog
      open={apiKey !== null}
      onClose={close}
      title="Edit key"
      onSubmit={onSubmit}
      submitLabel="Save"
      pending={update.isPending}
      error={update.isError ? getErrorMessage(update.error) : null}
    >
      <FormField label="Label" error={errors.label?.message}>
        <Input autoComplete="off" {...form.register("label")} />
      </FormField>
      {compatible && (
        <FormField label="Base URL" error={errors.base_url?.message} helperText={BASE_URL_HINT}>
          <Input type="url" autoComplete="off" spellCheck={false} {...form.register("base_url")} />
        </FormField>
      )}
      <FormField
        label="Default model"
        helperText={
          modelOptions.length
            ? "New conversations with this key use it."
            : "No models known yet: use Check again to list them."
        }
      >
        <NativeSelect.Root disabled={modelOptions.length === 0}>
          <NativeSelect.Field {...form.register("default_model")}>
            <option value="">Choose automatically</option>
            {modelOptions.map((model) => (
              <option key={model} value={model}>
                {model}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
      </FormField>
    </FormDialog>
  );
}
