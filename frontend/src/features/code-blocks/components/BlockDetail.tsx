import { Grid, Stack, Tabs } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LuCode, LuHistory, LuPlay } from "react-icons/lu";
import type { CodeBlockDetail } from "@/client";
import { toaster } from "@/components/ui/toaster";
import { getErrorMessage } from "@/lib/api-error";
import { formatInteger } from "@/lib/format";
import { codeBlockFacetsQueryOptions, type ExportFormat, useExportCodeBlock } from "../api";
import type { DetailTab, DiffMode } from "../search";
import { useBlockEditing } from "../use-block-editing";
import { useChatWithCode } from "../use-chat-with-code";
import { useTagEditing } from "../use-tag-editing";
import { AsideSection } from "./AsideSection";
import { BlockAnalysis } from "./BlockAnalysis";
import { BlockCodePanel } from "./BlockCodePanel";
import { BlockDetailHeader } from "./BlockDetailHeader";
import { BlockProvenance } from "./BlockProvenance";
import { DeleteBlockDialog } from "./DeleteBlockDialog";
import { type CompareChange, HistoryPanel } from "./HistoryPanel";
import { InlineTags } from "./InlineTags";
import { OldVersionNotice } from "./OldVersionNotice";
import { RunOnFilesDialog } from "./RunOnFilesDialog";
import { RunsPanel } from "./RunsPanel";

export type BlockDetailProps = {
  block: CodeBlockDetail;
  tab: DetailTab;
  from: number | undefined;
  to: number | undefined;
  diffMode: DiffMode;
  onTabChange: (tab: DetailTab) => void;
  onCompareChange: (change: CompareChange) => void;
  /** Another version of the entry (a new one just saved, say) is to be shown. */
  onShowVersion: (blockId: string) => void;
  onRenamed: () => void;
  /** Leaves the page once the block is deleted. */
  onDeleted: () => void | Promise<void>;
  /** Tag chips lead back to the library, filtered by the tag. */
  onTagClick: (tag: string) => void;
};

/** One block: header and actions, code or history in tabs, and what is known about it aside. */
export function BlockDetail({
  block,
  tab,
  from,
  to,
  diffMode,
  onTabChange,
  onCompareChange,
  onShowVersion,
  onRenamed,
  onDeleted,
  onTagClick,
}: BlockDetailProps) {
  const editing = useBlockEditing(block, { onNewVersion: onShowVersion });
  const tags = useTagEditing(block.id, block.tags);
  const facets = useQuery(codeBlockFacetsQueryOptions());
  const exportBlock = useExportCodeBlock();
  const chatWithCode = useChatWithCode();
  const [deleting, setDeleting] = useState(false);
  const [running, setRunning] = useState(false);
  const isPython = block.language === "python";

  const download = (format: ExportFormat) =>
    exportBlock.mutate(
      { blockId: block.id, format },
      {
        onError: (error) =>
          toaster.error({
            title: "Could not export",
            description: getErrorMessage(error, "The download did not finish. Try again."),
          }),
      },
    );

  return (
    <>
      <BlockDetailHeader
        block={block}
        onRename={async (title) => {
          await editing.rename(title);
          onRenamed();
        }}
        onDescribe={editing.describe}
        exporting={exportBlock.isPending}
        onExport={download}
        onUseInChat={() =>
          chatWithCode({
            title: block.title,
            code: block.code,
            language: block.language,
            fileIds: block.files.map((file) => file.id),
          })
        }
        onRunOnFiles={() => setRunning(true)}
        onDelete={() => setDeleting(true)}
      />
      <OldVersionNotice block={block} restoring={editing.restoring} onRestore={editing.restore} />
      <Grid
        templateColumns={{ base: "1fr", lg: "minmax(0, 1fr) 20rem" }}
        gap="6"
        alignItems="start"
      >
        <Tabs.Root
          value={tab}
          onValueChange={(details) => onTabChange(details.value as DetailTab)}
          colorPalette="brand"
          variant="line"
          lazyMount
          minW="0"
        >
          <Tabs.List mb="4">
            <Tabs.Trigger value="code">
              <LuCode aria-hidden />
              Code
            </Tabs.Trigger>
            <Tabs.Trigger value="history">
              <LuHistory aria-hidden />
              History ({formatInteger(block.versions_count)})
            </Tabs.Trigger>
            <Tabs.Trigger value="runs">
              <LuPlay aria-hidden />
              Runs ({formatInteger(block.run_count)})
            </Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="code">
            <BlockCodePanel block={block} onSaveCode={editing.saveCode} />
          </Tabs.Content>
          <Tabs.Content value="history">
            <HistoryPanel
              block={block}
              from={from}
              to={to}
              mode={diffMode}
              onCompareChange={onCompareChange}
            />
          </Tabs.Content>
          <Tabs.Content value="runs">
            <RunsPanel blockId={block.id} onRun={isPython ? () => setRunning(true) : undefined} />
          </Tabs.Content>
        </Tabs.Root>
        <Stack gap="4">
          <AsideSection title="Tags">
            <InlineTags
              name={block.title}
              tags={tags.tags}
              onChange={tags.save}
              suggestions={facets.data?.tags.map((tag) => tag.value) ?? []}
              onTagClick={onTagClick}
            />
          </AsideSection>
          <BlockAnalysis block={block} />
          <BlockProvenance block={block} />
        </Stack>
      </Grid>
      {isPython && (
        <RunOnFilesDialog block={block} open={running} onClose={() => setRunning(false)} />
      )}
      <DeleteBlockDialog
        block={deleting ? block : null}
        onClose={() => setDeleting(false)}
        onDeleted={onDeleted}
      />
    </>
  );
}
