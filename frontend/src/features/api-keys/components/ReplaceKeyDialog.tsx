import { Text } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { ApiKeyPublic } from "@/client";
import { FormDialog } from "@/components/FormDialog";
import { FormField } from "@/components/form/FormField";
import { PasswordInput } from "@/components/form/PasswordInput";
import { getErrorMessage } from "@/lib/api-error";
import { providerName } from "@/lib/providers";
import { useUpdateApiKey } from "../api";
import { type ReplaceKeyValues, replaceKeySchema } from "../schemas";
import { useCurrentKey } from "../use-current-key";
import { KeyCheckResult } from "./KeyCheckResult";

type ReplaceKeyDialogProps = {
  apiKey: ApiKeyPublic | null;
  onClose: () => void;
};

/** A new value for a stored key (rotated, or the old one was wrong); it is checked on save. */
export function ReplaceKeyDialog({ apiKey, onClose }: ReplaceKeyDialogProps) {
  const update = useUpdateApiKey();
  const [shown, setShown] = useState(apiKey);
  if (apiKey && apiKey !== shown) setShown(apiKey);
  const [replaced, setReplaced] = useState<ApiKeyPublic | null>(null);
  const current = useCurrentKey(replaced);
  const form = useForm<ReplaceKeyValues>({
    mode: "onTouched",
    resolver: zodResolver(replaceKeySchema),
    defaultValues: { api_key: "" },
  });

  const close = () => {
    onClose();
    window.setTimeout(() => {
      setReplaced(null);
      form.reset({ api_key: "" });
      update.reset();
    }, 200);
  };

  const onSubmit = form.handleSubmit(({ api_key }) => {
    if (!apiKey) return;
    update.mutate({ apiKeyId: apiKey.id, body: { api_key } }, { onSuccess: setReplaced });
  });

  return (
    <FormDialog
      open={apiKey !== null}
      onClose={close}
      title={current ? "Key replaced" : `Replace ${shown?.label ?? "key"}`}
      onSubmit={onSubmit}
      submitLabel="Save key"
      pending={update.isPending}
      pendingLabel="Checking the key…"
      lockWhilePending
      error={update.isError ? getErrorMessage(update.error) : null}
      outcome={current && <KeyCheckResult apiKey={current} />}
      description={
        <Text textStyle="sm" color="fg.muted">
          Paste the new {providerName(shown?.provider)} key. The one ending in{" "}
          <Text as="span" fontFamily="mono">
            {shown?.key_last4}
          </Text>{" "}
          is overwritten once the new one is saved.
        </Text>
      }
    >
      <FormField label="API key" error={form.formState.errors.api_key?.message}>
        <PasswordInput
          secretName="key"
          autoComplete="off"
          spellCheck={false}
          {...form.register("api_key")}
        />
      </FormField>
    </FormDialog>
  );
}
