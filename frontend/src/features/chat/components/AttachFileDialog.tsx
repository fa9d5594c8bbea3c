import { Button, CloseButton, Dialog, Input, InputGroup, Portal, Stack } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LuSearch } from "react-icons/lu";
import type { FileSummary } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { fileChoicesQueryOptions } from "../api";
import { FileChoiceList } from "./FileChoiceList";
import { UploadFileButton } from "./UploadFileButton";

type AttachFileDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  attached: FileSummary[];
  onAttach: (file: FileSummary) => void;
  onDetach: (file: FileSummary) => void;
  /** The file being attached or detached right now. */
  pendingId: string | null;
  error?: string | null;
};

/** The chooser behind "Attach file": search the user's files, attach with a click, or upload one. */
export function AttachFileDialog({
  open,
  onOpenChange,
  attached,
  onAttach,
  onDetach,
  pendingId,
  error,
}: AttachFileDialogProps) {
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 250);
  const files = useQuery({ ...fileChoicesQueryOptions(q), enabled: open });
  const attachedIds = new Set(attached.map((file) => file.id));

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(details) => onOpenChange(details.open)}
      placement="center"
      scrollBehavior="inside"
      size="md"
    >
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            <Dialog.Header>
              <Dialog.Title>Attach files</Dialog.Title>
            </Dialog.Header>
            <Dialog.Body>
              <Stack gap="4">
                <Dialog.Description color="fg.muted" textStyle="sm">
                  The assistant sees each attached file’s columns and a few sample rows, never the
                  whole file. Code runs on all the rows.
                </Dialog.Description>
                <InputGroup startElement={<LuSearch aria-hidden />}>
                  <Input
                    type="search"
                    aria-label="Search files"
                    placeholder="Search files"
                    value={text}
                    onChange={(event) => setText(event.target.value)}
                  />
                </InputGroup>
                <FormAlert message={error} />
                <FileChoiceList
                  files={files.data?.data}
                  attachedIds={attachedIds}
                  pendingId={pendingId}
                  q={q}
                  onToggle={(file) => (attachedIds.has(file.id) ? onDetach(file) : onAttach(file))}
                />
                <UploadFileButton onUploaded={onAttach} />
              </Stack>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.ActionTrigger asChild>
                <Button colorPalette="brand">Done</Button>
              </Dialog.ActionTrigger>
            </Dialog.Footer>
            <Dialog.CloseTrigger asChild>
              <CloseButton size="sm" aria-label="Close" />
            </Dialog.CloseTrigger>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
