import type { CodeBlockPublic, ExecutionPublic } from "@/client";
import type { CodeBlockEvent, ExecutionEvent } from "./stream-events";

// A reply's blocks as the stream builds them: announced as their fences close, then their runs
// and automatic fixes as they come. The same shape as the stored message's `code_blocks`.

/** The block an event is about: by the version id (the block or its fix), else by position. */
function findBlock(blocks: readonly CodeBlockPublic[], event: ExecutionEvent): number {
  const byId = blocks.findIndex(
    (block) => block.id === event.code_block_id || block.fixed_version?.id === event.code_block_id,
  );
  return byId >= 0 ? byId : blocks.findIndex((block) => block.index === event.index);
}

function replaceAt(
  blocks: readonly CodeBlockPublic[],
  position: number,
  change: (block: CodeBlockPublic) => CodeBlockPublic,
): CodeBlockPublic[] {
  return blocks.map((block, at) => (at === position ? change(block) : block));
}

/** A new block, or the fix of one already there (the same index, `fixed_from` its failed id). */
export function withCodeBlock(
  blocks: readonly CodeBlockPublic[],
  event: CodeBlockEvent,
): CodeBlockPublic[] {
  const { fixed_from: fixedFrom, index, language, code, id, version, title } = event;
  if (fixedFrom && id && version != null) {
    const fixedAt = blocks.findIndex((block) => block.id === fixedFrom);
    const position = fixedAt >= 0 ? fixedAt : blocks.findIndex((block) => block.index === index);
    if (position >= 0) {
      return replaceAt(blocks, position, (block) => ({
        ...block,
        fixed_version: { id, version, code },
      }));
    }
  }
  // Older servers may leave the library fields out.
  const block = {
    index,
    language,
    code,
    id: id ?? null,
    version: version ?? null,
    title: title ?? null,
    runs: [],
    fixed_version: null,
  };
  return [...blocks, block];
}

/** The block with one more finished run. */
export function withRun(
  blocks: readonly CodeBlockPublic[],
  event: ExecutionEvent & { execution: ExecutionPublic },
): CodeBlockPublic[] {
  const position = findBlock(blocks, event);
  if (position < 0) return [...blocks];
  return replaceAt(blocks, position, (block) => ({
    ...block,
    runs: [...block.runs.filter((run) => run.id !== event.execution.id), event.execution],
  }));
}

/** The runs of one version of a block (the block itself or its fix), oldest first. */
export function runsOf(block: CodeBlockPublic, versionId: string): ExecutionPublic[] {
  return block.runs.filter((run) => run.code_block_id === versionId);
}
