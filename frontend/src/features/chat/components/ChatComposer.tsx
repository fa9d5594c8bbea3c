import { IconButton, Skeleton } from "@chakra-ui/react";
import type { ReactNode, Ref } from "react";
import { LuPaperclip } from "react-icons/lu";
import type { ModelChoice } from "@/client";
import type { Attachments } from "../attachments";
import type { ModelSelection } from "../model-choice";
import { AttachedFiles } from "./AttachedFiles";
import { AttachFileDialog } from "./AttachFileDialog";
import { Composer } from "./Composer";
import { ModelPicker } from "./ModelPicker";

type ChatComposerProps = {
  draft: string;
  onDraftChange: (value: string) => void;
  onSend: () => void;
  onStop: () => void;
  streaming: boolean;
  sending: boolean;
  attachments: Attachments;
  chooserOpen: boolean;
  onChooserOpenChange: (open: boolean) => void;
  /** Null while the choices load. */
  choices: ModelChoice[] | null;
  selection: ModelSelection;
  onSelectionChange: (selection: ModelSelection) => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
  notice?: ReactNode;
};

/** The composer with its attached files, the file chooser and the model picker. */
export function ChatComposer({
  draft,
  onDraftChange,
  onSend,
  onStop,
  streaming,
  sending,
  attachments,
  chooserOpen,
  onChooserOpenChange,
  choices,
  selection,
  onSelectionChange,
  textareaRef,
  notice,
}: ChatComposerProps) {
  return (
    <>
      <Composer
        value={draft}
        onChange={onDraftChange}
        onSend={onSend}
        onStop={onStop}
        streaming={streaming}
        sending={sending}
        textareaRef={textareaRef}
        notice={notice}
        attachments={
          <AttachedFiles
            files={attachments.files}
            onRemove={attachments.detach}
            removingId={attachments.pendingId}
          />
        }
        tools={
          <>
            <IconButton
              aria-label="Attach file"
              title="Attach a CSV file"
              variant="ghost"
              size="sm"
              rounded="full"
              onClick={() => onChooserOpenChange(true)}
            >
              <LuPaperclip />
            </IconButton>
            {choices ? (
              <ModelPicker
                choices={choices}
                value={selection}
                onChange={onSelectionChange}
                disabled={streaming}
              />
            ) : (
              <Skeleton h="8" w="40" rounded="full" />
            )}
          </>
        }
      />
      <AttachFileDialog
        open={chooserOpen}
        onOpenChange={onChooserOpenChange}
        attached={attachments.files}
        onAttach={attachments.attach}
        onDetach={attachments.detach}
        pendingId={attachments.pendingId}
        error={attachments.error}
      />
    </>
  );
}
