import { Button, CloseButton, Dialog, Portal, Stack, type StackProps } from "@chakra-ui/react";
import type { FormEventHandler, ReactNode } from "react";
import { FormAlert } from "./form/FormAlert";

type FormDialogProps = {
  open: boolean;
  /** Escape, the backdrop, the close button, Cancel and Done all end here. */
  onClose: () => void;
  title: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitLabel: string;
  pending: boolean;
  /** The server's message when the submit failed. */
  error?: string | null;
  /** Shown above the error and the fields. */
  description?: ReactNode;
  children: ReactNode;
  initialFocusEl?: () => HTMLElement | null;
  /** Text on the submit button while `pending`. */
  pendingLabel?: string;
  /** Keep the dialog open while pending: a click outside and the close button do nothing. */
  lockWhilePending?: boolean;
  /** Replaces the form once it has done its work; the footer then only offers Done. */
  outcome?: ReactNode;
  scrollBehavior?: "inside" | "outside";
  gap?: StackProps["gap"];
};

/** A dialog that is one form: fields, the server's error, Cancel and a submit button. */
export function FormDialog({
  open,
  onClose,
  title,
  onSubmit,
  submitLabel,
  pending,
  error,
  description,
  children,
  initialFocusEl,
  pendingLabel,
  lockWhilePending = false,
  outcome,
  scrollBehavior,
  gap = "4",
}: FormDialogProps) {
  const locked = lockWhilePending && pending;
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(details) => !details.open && onClose()}
      initialFocusEl={initialFocusEl}
      placement="center"
      scrollBehavior={scrollBehavior}
      closeOnInteractOutside={!locked}
    >
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content asChild>
            <form onSubmit={onSubmit} noValidate>
              <Dialog.Header>
                <Dialog.Title>{title}</Dialog.Title>
              </Dialog.Header>
              <Dialog.Body>
                {outcome ?? (
                  <Stack gap={gap}>
                    {description}
                    <FormAlert message={error} />
                    {children}
                  </Stack>
                )}
              </Dialog.Body>
              <Dialog.Footer>
                {outcome ? (
                  <Button colorPalette="brand" onClick={onClose}>
                    Done
                  </Button>
                ) : (
                  <>
                    <Button variant="outline" onClick={onClose} disabled={pending}>
                      Cancel
                    </Button>
                    <Button
                      type="submit"
                      colorPalette="brand"
                      loading={pending}
                      loadingText={pendingLabel}
                    >
                      {submitLabel}
                    </Button>
                  </>
                )}
              </Dialog.Footer>
              <Dialog.CloseTrigger asChild>
                <CloseButton size="sm" aria-label="Close" disabled={locked} />
              </Dialog.CloseTrigger>
            </form>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
