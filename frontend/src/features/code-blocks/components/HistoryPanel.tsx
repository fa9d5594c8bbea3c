import { Skeleton, Stack, Text } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import type { CodeBlockDetail, CodeBlockVersion } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { getErrorMessage } from "@/lib/api-error";
import { codeBlockVersionsQueryOptions } from "../api";
import type { DiffMode } from "../search";
import { VersionCompare } from "./VersionCompare";
import { VersionHistory } from "./VersionHistory";

export type CompareChange = { from?: number; to?: number; mode?: DiffMode };

type HistoryPanelProps = {
  block: CodeBlockDetail;
  /** The versions compared, from the address; by default the shown one and the one it came from. */
  from: number | undefined;
  to: number | undefined;
  mode: DiffMode;
  onCompareChange: (change: CompareChange) => void;
};

/**
 * The pair compared unless the address names one: the shown version and the one it was edited
 * from (else the one before it); for a first version, it and the version after it.
 */
function defaultPair(block: CodeBlockDetail, versions: CodeBlockVersion[]): [number, number] {
  const shown = block.version;
  const parent = versions.find((version) => version.id === block.parent_version_id);
  if (parent) return [parent.version, shown];
  const older = versions.find((version) => version.version < shown);
  if (older) return [older.version, shown];
  const newer = versions.filter((version) => version.version > shown).at(-1);
  return [shown, newer?.version ?? shown];
}

export function HistoryPanel({ block, from, to, mode, onCompareChange }: HistoryPanelProps) {
  const versions = useQuery(codeBlockVersionsQueryOptions(block.id));
  const list = versions.data?.data;

  if (!list) {
    if (versions.isError) return <FormAlert message={getErrorMessage(versions.error)} />;
    return (
      <Stack gap="2" aria-busy="true" aria-label="Loading versions">
        <Skeleton h="10" />
        <Skeleton h="10" />
      </Stack>
    );
  }
  const exists = (number: number | undefined): number is number =>
    list.some((version) => version.version === number);
  const [defaultFrom, defaultTo] = defaultPair(block, list);
  const older = exists(from) ? from : defaultFrom;
  const newer = exists(to) ? to : defaultTo;

  return (
    <Stack gap="5">
      <VersionHistory versions={list} shownId={block.id} />
      {list.length < 2 ? (
        <Text textStyle="sm" color="fg.muted">
          There is only one version so far. Edit the code to save another, then compare the two
          here.
        </Text>
      ) : (
        <VersionCompare
          versions={list}
          from={older}
          to={newer}
          mode={mode}
          onChange={onCompareChange}
        />
      )}
    </Stack>
  );
}
