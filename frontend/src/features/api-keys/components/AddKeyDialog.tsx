import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { ApiKeyPublic } from "@/client";
import { FormDialog } from "@/components/FormDialog";
import { getErrorMessage } from "@/lib/api-error";
import { useCreateApiKey } from "../api";
import { type AddKeyValues, addKeySchema } from "../schemas";
import { useCurrentKey } from "../use-current-key";
import { AddKeyFields } from "./AddKeyFields";
import { KeyCheckResult } from "./KeyCheckResult";

const EMPTY: AddKeyValues = { provider: "openai", label: "", api_key: "", base_url: "" };

type AddKeyDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

/** Add a key: the server checks it on save; the dialog then shows the result and its models. */
export function AddKeyDialog({ open, onOpenChange }: AddKeyDialogProps) {
  const create = useCreateApiKey();
  const [saved, setSaved] = useState<ApiKeyPublic | null>(null);
  const current = useCurrentKey(saved);
  const form = useForm<AddKeyValues>({
    mode: "onTouched",
    resolver: zodResolver(addKeySchema),
    defaultValues: EMPTY,
  });

  const close = () => {
    onOpenChange(false);
    // After the closing animation, so the content does not jump back to the form while it fades.
    window.setTimeout(() => {
      setSaved(null);
      form.reset(EMPTY);
      create.reset();
    }, 200);
  };

  const onSubmit = form.handleSubmit(({ provider, label, api_key, base_url }) =>
    create.mutate(
      {
        provider,
        api_key,
        label: label || null,
        base_url: provider === "openai_compatible" ? base_url : null,
      },
      { onSuccess: (key) => setSaved(key) },
    ),
  );

  return (
    <FormDialog
      open={open}
      onClose={close}
      title={current ? "Key saved" : "Add key"}
      onSubmit={onSubmit}
      submitLabel="Save key"
      pending={create.isPending}
      pendingLabel="Checking the key…"
      lockWhilePending
      error={create.isError ? getErrorMessage(create.error) : null}
      outcome={current && <KeyCheckResult apiKey={current} />}
    >
      <AddKeyFields form={form} />
    </FormDialog>
  );
}
