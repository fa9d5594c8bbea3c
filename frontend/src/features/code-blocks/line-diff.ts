import { diffLines, diffWordsWithSpace } from "diff";

// Two versions of a block as rows to draw: whole lines from jsdiff, and within a changed line
// paired with its replacement, the words that changed.

/** A stretch of a line; `changed` marks the words that differ from the paired line. */
export type Segment = { text: string; changed: boolean };

export type DiffLine = {
  kind: "same" | "added" | "removed";
  /** The line's number in the older version (null for an added line). */
  oldNumber: number | null;
  /** The line's number in the newer version (null for a removed line). */
  newNumber: number | null;
  segments: Segment[];
};

/** A line on each side; null where one side has nothing (a pure addition or removal). */
export type SplitRow = { left: DiffLine | null; right: DiffLine | null };

export type VersionDiff = {
  /** Unified: each removed run, then the run that replaces it. */
  lines: DiffLine[];
  /** Side by side: each line facing its replacement, other changes zipped between them. */
  rows: SplitRow[];
};

// Word-level marks on long lines cost more than they help the reader.
const MAX_WORD_DIFF_CHARS = 500;
/** A line and its replacement are paired when at least this alike; others are new lines. */
const PAIRING_LIKENESS = 0.5;
// Pairing compares every removed line with every added one: beyond this, pair by position.
const MAX_PAIRING_COMPARISONS = 400;

function linesOf(value: string): string[] {
  const lines = value.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

function whole(text: string): Segment[] {
  return [{ text, changed: false }];
}

/** How alike two lines are, 0 to 1, by the characters of the words they share. */
function likeness(before: string, after: string): number {
  if (!before.trim() && !after.trim()) return 1;
  let common = 0;
  for (const change of diffWordsWithSpace(before, after)) {
    if (!change.added && !change.removed) common += change.value.length;
  }
  return (2 * common) / (before.length + after.length);
}

/**
 * For each removed line, the added line that replaces it (or null): the pairs that are alike
 * enough, never crossing, chosen to be as alike as possible overall (an alignment, as in LCS).
 */
function pairLines(removed: string[], added: string[]): (number | null)[] {
  if (removed.length * added.length > MAX_PAIRING_COMPARISONS) {
    return removed.map((_, at) => (at < added.length ? at : null));
  }
  const alike = removed.map((before) =>
    added.map((after) => {
      if (before.length > MAX_WORD_DIFF_CHARS || after.length > MAX_WORD_DIFF_CHARS) return 0;
      const score = likeness(before, after);
      return score >= PAIRING_LIKENESS ? score : 0;
    }),
  );
  // best[i][j]: the most likeness the lines from i (removed) and j (added) on can pair up to.
  const best = Array.from({ length: removed.length + 1 }, () =>
    new Array<number>(added.length + 1).fill(0),
  );
  for (let i = removed.length - 1; i >= 0; i -= 1) {
    for (let j = added.length - 1; j >= 0; j -= 1) {
      const paired = alike[i][j] > 0 ? alike[i][j] + best[i + 1][j + 1] : 0;
      best[i][j] = Math.max(best[i + 1][j], best[i][j + 1], paired);
    }
  }
  const pairs: (number | null)[] = removed.map(() => null);
  let i = 0;
  let j = 0;
  while (i < removed.length && j < added.length) {
    if (alike[i][j] > 0 && best[i][j] === alike[i][j] + best[i + 1][j + 1]) {
      pairs[i] = j;
      i += 1;
      j += 1;
    } else if (best[i][j] === best[i + 1][j]) i += 1;
    else j += 1;
  }
  return pairs;
}

/** The removed and the added line's segments, with the words that changed marked on each. */
function wordSegments(before: string, after: string): [Segment[], Segment[]] {
  if (before.length > MAX_WORD_DIFF_CHARS || after.length > MAX_WORD_DIFF_CHARS) {
    return [whole(before), whole(after)];
  }
  const left: Segment[] = [];
  const right: Segment[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    if (!change.added) left.push({ text: change.value, changed: change.removed });
    if (!change.removed) right.push({ text: change.value, changed: change.added });
  }
  return [left, right];
}

/** One changed stretch: removed lines (numbered from oldStart), added ones (from newStart). */
function hunk(removed: string[], added: string[], oldStart: number, newStart: number): VersionDiff {
  const pairs = pairLines(removed, added);
  const left: DiffLine[] = removed.map((text, at) => ({
    kind: "removed",
    oldNumber: oldStart + at,
    newNumber: null,
    segments: whole(text),
  }));
  const right: DiffLine[] = added.map((text, at) => ({
    kind: "added",
    oldNumber: null,
    newNumber: newStart + at,
    segments: whole(text),
  }));
  pairs.forEach((pair, at) => {
    if (pair === null) return;
    [left[at].segments, right[pair].segments] = wordSegments(removed[at], added[pair]);
  });

  const rows: SplitRow[] = [];
  let i = 0;
  let j = 0;
  const zipUntil = (leftEnd: number, rightEnd: number) => {
    while (i < leftEnd || j < rightEnd) {
      rows.push({
        left: i < leftEnd ? left[i++] : null,
        right: j < rightEnd ? right[j++] : null,
      });
    }
  };
  pairs.forEach((pair, at) => {
    if (pair === null) return;
    zipUntil(at, pair);
    rows.push({ left: left[i++], right: right[j++] });
  });
  zipUntil(left.length, right.length);
  return { lines: [...left, ...right], rows };
}

/** Every line of both versions, ready to draw unified or side by side. */
export function diffVersions(before: string, after: string): VersionDiff {
  // A missing final newline is not a change anyone means to see.
  const changes = diffLines(before.replace(/\n?$/, "\n"), after.replace(/\n?$/, "\n"));
  const result: VersionDiff = { lines: [], rows: [] };
  let oldNumber = 1;
  let newNumber = 1;
  for (let index = 0; index < changes.length; index += 1) {
    const change = changes[index];
    if (!change.added && !change.removed) {
      for (const text of linesOf(change.value)) {
        const line: DiffLine = { kind: "same", oldNumber, newNumber, segments: whole(text) };
        result.lines.push(line);
        result.rows.push({ left: line, right: line });
        oldNumber += 1;
        newNumber += 1;
      }
      continue;
    }
    const next = changes[index + 1];
    const removed = change.removed ? linesOf(change.value) : [];
    const added = change.added ? linesOf(change.value) : next?.added ? linesOf(next.value) : [];
    if (change.removed && next?.added) index += 1;
    const part = hunk(removed, added, oldNumber, newNumber);
    result.lines.push(...part.lines);
    result.rows.push(...part.rows);
    oldNumber += removed.length;
    newNumber += added.length;
  }
  return result;
}

export function diffStats(lines: DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === "added") added += 1;
    if (line.kind === "removed") removed += 1;
  }
  return { added, removed };
}

/** A run of unchanged lines folded away, or a row to draw. */
export type Folded<Row> =
  | { kind: "row"; row: Row }
  | { kind: "fold"; start: number; count: number };

/**
 * Unchanged stretches are folded, keeping `context` lines next to each change; `open` holds the
 * starts of the folds the reader has opened.
 */
export function foldUnchanged<Row>(
  rows: Row[],
  isUnchanged: (row: Row) => boolean,
  open: ReadonlySet<number>,
  context = 3,
): Folded<Row>[] {
  const result: Folded<Row>[] = [];
  const keep = (from: number, to: number) => {
    for (let at = from; at < to; at += 1) result.push({ kind: "row", row: rows[at] });
  };
  let index = 0;
  while (index < rows.length) {
    if (!isUnchanged(rows[index])) {
      keep(index, index + 1);
      index += 1;
      continue;
    }
    let end = index;
    while (end < rows.length && isUnchanged(rows[end])) end += 1;
    const foldStart = index + (index === 0 ? 0 : context);
    const foldEnd = end - (end === rows.length ? 0 : context);
    // Folding a single line saves nothing: the fold's own row takes its place.
    if (foldEnd - foldStart > 1 && !open.has(foldStart)) {
      keep(index, foldStart);
      result.push({ kind: "fold", start: foldStart, count: foldEnd - foldStart });
      keep(foldEnd, end);
    } else {
      keep(index, end);
    }
    index = end;
  }
  return result;
}
