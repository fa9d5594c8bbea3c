import { Stack } from "@chakra-ui/react";
import type { CodeBlockPublic } from "@/client";
import { runsOf } from "../reply-blocks";
import { type BlockRun, useBlockRun } from "../use-block-run";
import { CodeBlock } from "./CodeBlock";
import { FixedVersion } from "./FixedVersion";
import { RunButton } from "./RunButton";
import { VersionRun } from "./VersionRun";

type ReplyCodeBlockProps = {
  code: string;
  language: string | null;
  /** The block as the server stored it (library entry, runs, fix); null if it was not kept. */
  block: CodeBlockPublic | null;
};

function runButton(blockRun: BlockRun, versionId: string, runs: number) {
  return (
    <RunButton
      // "Run" until there is a run to repeat; with auto-run off a block only runs when asked.
      again={runs > 0 && blockRun.autoRun}
      running={blockRun.isRunning(versionId)}
      blocked={blockRun.blocked}
      onRun={() => blockRun.run(versionId)}
    />
  );
}

/** A reply's code block with, for Python, its Run button, its last run and its automatic fix. */
export function ReplyCodeBlock({ code, language, block }: ReplyCodeBlockProps) {
  const id = block?.id ?? null;
  const blockRun = useBlockRun(language, id);
  if (!block || id === null) return <CodeBlock code={code} language={language} />;

  const runs = runsOf(block, id);
  const fix = block.fixed_version;
  const fixRuns = fix ? runsOf(block, fix.id) : [];
  const errorFor = (versionId: string) =>
    blockRun.failedVersionId === versionId ? blockRun.error : null;
  const shown = runs.length > 0 || blockRun.isRunning(id) || errorFor(id) !== null || fix;

  return (
    <CodeBlock
      code={code}
      language={language}
      libraryId={id}
      actions={blockRun.runnable && runButton(blockRun, id, runs.length)}
    >
      {shown && (
        <Stack gap="4" p="3" borderTopWidth="1px" bg="bg">
          <VersionRun runs={runs} running={blockRun.isRunning(id)} error={errorFor(id)} />
          {fix && (
            <FixedVersion
              fix={fix}
              runs={fixRuns}
              running={blockRun.isRunning(fix.id)}
              error={errorFor(fix.id)}
              runButton={blockRun.runnable && runButton(blockRun, fix.id, fixRuns.length)}
            />
          )}
        </Stack>
      )}
    </CodeBlock>
  );
}
