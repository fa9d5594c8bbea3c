import { Button, CloseButton, Dialog, Portal, Stack } from "@chakra-ui/react";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { ApiKeyPublic } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
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
    <Dialog.Root
      open={open}
      onOpenChange={(details) => (details.open ? onOpenChange(true) : close())}
      placement="center"
      closeOnInteractOutside={!create.isPending}
    >
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content asChild>
            <form onSubmit={onSubmit} noValidate>
              <Dialog.Header>
                <Dialog.Title>{current ? "Key saved" : "Add key"}</Dialog.Title>
              </Dialog.Header>
              <Dialog.Body>
                {current ? (
                  <KeyCheckResult apiKey={current} />
                ) : (
                  <Stack gap="4">
                    <FormAlert message={create.isError ? getErrorMessage(create.error) : null} />
                    <AddKeyFields form={form} />
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
                    <Button variant="outline" onClick={close} disabled={create.isPending}>
                      Cancel
                    </Button>
                    <Button
                      type="submit"
                      colorPalette="brand"
                      loading={create.isPending}
                      loadingText="Checking the key…"
                    >
                      Save key
                    </Button>
                  </>
                )}
              </Dialog.Footer>
              <Dialog.CloseTrigger asChild>
                <CloseButton size="sm" aria-label="Close" disabled={create.isPending} />
              </Dialog.CloseTrigger>
            </form>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
