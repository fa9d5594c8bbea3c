import { Box, Button, chakra } from "@chakra-ui/react";
import { Fragment, type ReactNode, useState } from "react";
import { LuChevronsUpDown } from "react-icons/lu";
import { formatCount } from "@/lib/format";
import { type DiffLine, foldUnchanged, type SplitRow, type VersionDiff } from "../line-diff";

import type { DiffMode } from "../search";

const Cell = chakra("td", {
  base: { px: "2", verticalAlign: "top", whiteSpace: "pre-wrap", wordBreak: "break-word" },
});

const LINE_BG = { same: undefined, added: "green.subtle", removed: "red.subtle" } as const;
const WORD_BG = { same: undefined, added: "green.muted", removed: "red.muted" } as const;
const MARKER = { same: " ", added: "+", removed: "−" } as const;
const SPOKEN = { same: "", added: "Added: ", removed: "Removed: " } as const;

function LineNumber({ value, kind }: { value: number | null; kind: DiffLine["kind"] | null }) {
  return (
    <Cell
      aria-hidden
      w="1%"
      whiteSpace="nowrap"
      textAlign="end"
      color="fg.subtle"
      userSelect="none"
      bg={kind ? LINE_BG[kind] : "bg.muted"}
    >
      {value ?? ""}
    </Cell>
  );
}

/** A line's text, with the words that changed against its paired line marked. */
function LineText({ line }: { line: DiffLine | null }) {
  if (!line) return <Cell bg="bg.muted" />;
  return (
    <Cell bg={LINE_BG[line.kind]}>
      <chakra.span srOnly>{SPOKEN[line.kind]}</chakra.span>
      <chakra.span aria-hidden color="fg.muted" userSelect="none" me="2">
        {MARKER[line.kind]}
      </chakra.span>
      {line.segments.map((segment, index) =>
        segment.changed ? (
          // Segments of one line never move: their positions are stable keys.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <chakra.mark key={index} bg={WORD_BG[line.kind]} color="inherit" rounded="xs">
            {segment.text}
          </chakra.mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </Cell>
  );
}

function FoldRow({
  count,
  columns,
  onOpen,
}: {
  count: number;
  columns: number;
  onOpen: () => void;
}) {
  return (
    <tr>
      <Cell colSpan={columns} p="0" bg="bg.muted">
        <Button size="xs" variant="plain" color="fg.muted" w="full" onClick={onOpen}>
          <LuChevronsUpDown aria-hidden />
          Show {formatCount(count, "unchanged line", "unchanged lines")}
        </Button>
      </Cell>
    </tr>
  );
}

type DiffTableProps = {
  diff: VersionDiff;
  mode: DiffMode;
  /** Names the table for assistive technology, e.g. "Changes from version 1 to version 2". */
  label: string;
};

/** Two versions' lines, unified or side by side; long unchanged stretches fold away. */
export function DiffTable({ diff, mode, label }: DiffTableProps) {
  const [open, setOpen] = useState<ReadonlySet<number>>(() => new Set());
  const openFold = (start: number) => setOpen((current) => new Set(current).add(start));
  const columns = mode === "split" ? 4 : 3;

  let body: ReactNode;
  if (mode === "split") {
    const unchanged = (row: SplitRow) => row.left?.kind === "same";
    body = foldUnchanged(diff.rows, unchanged, open).map((item) =>
      item.kind === "fold" ? (
        <FoldRow
          key={`fold-${item.start}`}
          count={item.count}
          columns={columns}
          onOpen={() => openFold(item.start)}
        />
      ) : (
        <tr key={`${item.row.left?.oldNumber}-${item.row.right?.newNumber}`}>
          <LineNumber value={item.row.left?.oldNumber ?? null} kind={item.row.left?.kind ?? null} />
          <LineText line={item.row.left} />
          <LineNumber
            value={item.row.right?.newNumber ?? null}
            kind={item.row.right?.kind ?? null}
          />
          <LineText line={item.row.right} />
        </tr>
      ),
    );
  } else {
    const unchanged = (line: DiffLine) => line.kind === "same";
    body = foldUnchanged(diff.lines, unchanged, open).map((item) =>
      item.kind === "fold" ? (
        <FoldRow
          key={`fold-${item.start}`}
          count={item.count}
          columns={columns}
          onOpen={() => openFold(item.start)}
        />
      ) : (
        <tr key={`${item.row.oldNumber}-${item.row.newNumber}`}>
          <LineNumber value={item.row.oldNumber} kind={item.row.kind} />
          <LineNumber value={item.row.newNumber} kind={item.row.kind} />
          <LineText line={item.row} />
        </tr>
      ),
    );
  }

  return (
    <Box overflowX="auto" borderWidth="1px" rounded="lg" bg="bg">
      <chakra.table
        aria-label={label}
        w="full"
        fontFamily="mono"
        fontSize="13px"
        lineHeight="1.6"
        css={{ borderCollapse: "collapse", tableLayout: mode === "split" ? "fixed" : "auto" }}
      >
        {mode === "split" && (
          <colgroup>
            <col style={{ width: "3.5em" }} />
            <col />
            <col style={{ width: "3.5em" }} />
            <col />
          </colgroup>
        )}
        <tbody>{body}</tbody>
      </chakra.table>
    </Box>
  );
}
