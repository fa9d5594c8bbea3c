import { Button, CloseButton, Code, Dialog, Portal, Stack, Text } from "@chakra-ui/react";
import type { CodeBlockDetail } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { RunningIndicator } from "@/components/run-result/RunningIndicator";
import { formatCount } from "@/lib/format";
import { useRunOnFiles } from "../use-run-on-files";
import { RunFilePicker } from "./RunFilePicker";
import { RunResults } from "./RunResults";

type RunOnFilesDialogProps = {
  block: CodeBlockDetail;
  open: boolean;
  onClose: () => void;
};

/**
 * Runs the shown version on files the user picks, each its own run: first the picked files with
 * the columns each lacks ("Run anyway" then), then what each run gave.
 */
export function RunOnFilesDialog({ block, open, onClose }: RunOnFilesDialogProps) {
  const state = useRunOnFiles(block.id);
  const { picked, incompatible, runs, running } = state;
  const close = () => {
    if (running) return;
    state.clear();
    onClose();
  };
  const missingNames = incompatible.map((file) => file.filename).join(", ");

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(details) => !details.open && close()}
      placement="center"
      scrollBehavior="inside"
      size="lg"
      closeOnInteractOutside={!running}
    >
      <Portal>
        <Dialog.Backdrop />
        <Dialog.Positioner>
          <Dialog.Content>
            <Dialog.Header>
              <Dialog.Title>{runs ? "Results" : "Run on files"}</Dialog.Title>
            </Dialog.Header>
            <Dialog.Body>
              <Stack gap="4">
                <Dialog.Description color="fg.muted" textStyle="sm">
                  Version {block.version} of “{block.title}” runs on each file you pick, one run per
                  file: the file is <Code size="sm">df</Code>. Every run is kept in the Runs tab.
                </Dialog.Description>
                <FormAlert message={state.error} />
                {runs ? (
                  <RunResults runs={runs} />
                ) : running ? (
                  <RunningIndicator
                    label={`Running on ${formatCount(picked.length, "file", "files")}…`}
                  />
                ) : (
                  <>
                    {incompatible.length > 0 && (
                      <FormAlert
                        status="warning"
                        title="Some columns are missing"
                        message={`The code reads columns that ${missingNames} ${incompatible.length === 1 ? "does" : "do"} not have, so it will probably fail there. You can run it anyway.`}
                      />
                    )}
                    <RunFilePicker state={state} />
                  </>
                )}
              </Stack>
            </Dialog.Body>
            <Dialog.Footer>
              {runs ? (
                <>
                  <Button variant="outline" onClick={state.again}>
                    Run on other files
                  </Button>
                  <Button colorPalette="brand" onClick={close}>
                    Done
                  </Button>
                </>
              ) : (
                <>
                  <Text textStyle="sm" color="fg.muted" me="auto">
                    {formatCount(picked.length, "file", "files")} picked
                  </Text>
                  <Button variant="outline" onClick={close} disabled={running}>
                    Cancel
                  </Button>
                  <Button
                    colorPalette={incompatible.length > 0 ? "orange" : "brand"}
                    onClick={state.run}
                    loading={running}
                    loadingText="Running…"
                    disabled={picked.length === 0 || state.checking}
                  >
                    {incompatible.length > 0 ? "Run anyway" : "Run"}
                  </Button>
                </>
              )}
            </Dialog.Footer>
            <Dialog.CloseTrigger asChild>
              <CloseButton size="sm" aria-label="Close" disabled={running} />
            </Dialog.CloseTrigger>
          </Dialog.Content>
        </Dialog.Positioner>
      </Portal>
    </Dialog.Root>
  );
}
