import { Field, Flex, HStack, NativeSelect, SegmentGroup, Text } from "@chakra-ui/react";
import { useMemo } from "react";
import type { CodeBlockVersion } from "@/client";
import { diffStats, diffVersions } from "../line-diff";
import type { DiffMode } from "../search";
import { DiffTable } from "./DiffTable";

type VersionCompareProps = {
  /** Newest first, as the server lists them. */
  versions: CodeBlockVersion[];
  from: number;
  to: number;
  mode: DiffMode;
  onChange: (change: { from?: number; to?: number; mode?: DiffMode }) => void;
};

function VersionSelect({
  label,
  value,
  versions,
  onChange,
}: {
  label: string;
  value: number;
  versions: CodeBlockVersion[];
  onChange: (version: number) => void;
}) {
  return (
    <Field.Root w="auto">
      <Field.Label>{label}</Field.Label>
      <NativeSelect.Root size="sm" w="48">
        <NativeSelect.Field
          value={value}
          onChange={(event) => onChange(Number(event.target.value))}
        >
          {versions.map((version) => (
            <option key={version.id} value={version.version}>
              Version {version.version}
              {version.is_latest ? " (latest)" : ""}
            </option>
          ))}
        </NativeSelect.Field>
        <NativeSelect.Indicator />
      </NativeSelect.Root>
    </Field.Root>
  );
}

/** Two versions chosen side by side in the toolbar, and what changed between them. */
export function VersionCompare({ versions, from, to, mode, onChange }: VersionCompareProps) {
  const before = versions.find((version) => version.version === from);
  const after = versions.find((version) => version.version === to);
  const diff = useMemo(
    () => (before && after ? diffVersions(before.code, after.code) : null),
    [before, after],
  );
  const stats = diff ? diffStats(diff.lines) : null;

  return (
    <>
      <Flex gap="3" align="flex-end" wrap="wrap">
        <VersionSelect
          label="Compare"
          value={from}
          versions={versions}
          onChange={(v) => onChange({ from: v })}
        />
        <VersionSelect
          label="with"
          value={to}
          versions={versions}
          onChange={(v) => onChange({ to: v })}
        />
        <SegmentGroup.Root
          size="sm"
          ms={{ md: "auto" }}
          value={mode}
          aria-label="Diff layout"
          onValueChange={(details) =>
            details.value && onChange({ mode: details.value as DiffMode })
          }
        >
          <SegmentGroup.Indicator />
          <SegmentGroup.Items
            items={[
              { value: "unified", label: "Unified" },
              { value: "split", label: "Side by side" },
            ]}
          />
        </SegmentGroup.Root>
      </Flex>
      {stats && (
        <HStack gap="3" textStyle="sm" aria-live="polite">
          {from === to ? (
            <Text color="fg.muted">The same version on both sides: pick another to compare.</Text>
          ) : stats.added + stats.removed === 0 ? (
            <Text color="fg.muted">The code of these versions is identical.</Text>
          ) : (
            <>
              <Text color="green.fg" fontWeight="medium">
                +{stats.added} added
              </Text>
              <Text color="red.fg" fontWeight="medium">
                −{stats.removed} removed
              </Text>
            </>
          )}
        </HStack>
      )}
      {diff && (
        <DiffTable
          key={`${from}-${to}`}
          diff={diff}
          mode={mode}
          label={`Changes from version ${from} to version ${to}`}
        />
      )}
    </>
  );
}
