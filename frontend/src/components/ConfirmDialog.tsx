import { Button, CloseButton, Dialog, Field, Input, Portal, Stack, Text } from "@chakra-ui/react";
import { type ReactNode, useRef, useState } from "react";
import { FormAlert } from "./form/FormAlert";

type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  loading?: boolean;
  /** The server's message when the action failed. */
  error?: string | null;
  /** When set, the confirm button stays disabled until this exact text is typed. */
  confirmationText?: string;
  confirmationLabel?: string;
};

/** A destructive action's last question. Focus is trapped inside and returns to the trigger on close. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  onConfirm,
  loading = false,
  error,
  confirmationText,
  confirmationLabel,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState("");
  const cancelRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const needsTyping = confirmationText !== undefined;
  const confirmed = !needsTyping || typed.trim() === confirmationText;

  return (
    <Dialog.Root
      role="alertdialog"
      open={open}
      onOpenChange={(details) => {
        if (loading) return;
        if (!details.open) setTyped("");
        onOpenChange(details.open);
      }}
      initialFocusEl={() => (needsTyping ? inputRef.current : cancelRef.current)}
      placement="center"
    >
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            <Dialog.Header>
              <Dialog.Title>{title}</Dialog.Title>
            </Dialog.Header>
            <Dialog.Body>
              <Stack gap="4">
                <Dialog.Description asChild>
                  <div>{description}</div>
                </Dialog.Description>
                {needsTyping && (
                  <Field.Root>
                    <Field.Label>{confirmationLabel ?? "Type to confirm"}</Field.Label>
                    <Input
                      ref={inputRef}
                      value={typed}
                      autoComplete="off"
                      spellCheck={false}
                      onChange={(event) => setTyped(event.target.value)}
                      onKeyDown={(event) => {
                        if (event.key === "Enter" && confirmed && !loading) onConfirm();
                      }}
                    />
                    <Text textStyle="xs" color="fg.muted">
                      Type <strong>{confirmationText}</strong> exactly.
                    </Text>
                  </Field.Root>
                )}
                <FormAlert message={error} />
              </Stack>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.ActionTrigger asChild>
                <Button ref={cancelRef} variant="outline" disabled={loading}>
                  Cancel
                </Button>
              </Dialog.ActionTrigger>
              <Button
                colorPalette="red"
                onClick={onConfirm}
                loading={loading}
                disabled={!confirmed}
              >
                {confirmLabel}
              </Button>
            </Dialog.Footer>
            <Dialog.CloseTrigger asChild>
              <CloseButton size="sm" aria-label="Close" disabled={loading} />
            </Dialog.CloseTrigger>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
