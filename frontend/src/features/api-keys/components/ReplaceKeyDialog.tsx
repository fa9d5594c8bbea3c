import { Button, CloseButton, Dialog, Portal, Stack, Text } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { ApiKeyPublic } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
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
    <Dialog.Root
      open={apiKey !== null}
      onOpenChange={(details) => !details.open && close()}
      placement="center"
      closeOnInteractOutside={!update.isPending}
    >
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content asChild>
            <form onSubmit={onSubmit} noValidate>
              <Dialog.Header>
                <Dialog.Title>
                  {current ? "Key replaced" : `Replace ${shown?.label ?? "key"}`}
                </Dialog.Title>
              </Dialog.Header>
              <Dialog.Body>
                {current ? (
                  <KeyCheckResult apiKey={current} />
                ) : (
                  <Stack gap="4">
                    <Text textStyle="sm" color="fg.muted">
                      Paste the new {providerName(shown?.provider)} key. The one ending in{" "}
                      <Text as="span" fontFamily="mono">
                        {shown?.key_last4}
                      </Text>{" "}
                      is overwritten once the new one is saved.
                    </Text>
                    <FormAlert message={update.isError ? getErrorMessage(update.error) : null} />
                    <FormField label="API key" error={form.formState.errors.api_key?.message}>
                      <PasswordInput
                        secretName="key"
                        autoComplete="off"
                        spellCheck={false}
                        {...form.register("api_key")}
                      />
                    </FormField>
                  </Stack>
                )}
              </Dialog.Body>
              <Dialog.Footer>
                {current ? (
                  <Button colorPalette="brand" onClick={close}>
                    Done
                  </Button>
                ) : (
                  <>
                    <Button variant="outline" onClick={close} disabled={update.isPending}>
                      Cancel
                    </Button>
                    <Button
                      type="submit"
                      colorPalette="brand"
                      loading={update.isPending}
                      loadingText="Checking the key…"
                    >
                      Save key
                    </Button>
                  </>
                )}
              </Dialog.Footer>
              <Dialog.CloseTrigger asChild>
                <CloseButton size="sm" aria-label="Close" disabled={update.isPending} />
              </Dialog.CloseTrigger>
            </form>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
