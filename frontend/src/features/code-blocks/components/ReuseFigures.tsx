import { HStack, Stat } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { formatCount, formatDecimal, formatPercent } from "@/lib/format";
import { codeBlockStatsQueryOptions } from "../api";

/**
 * How much the library is reused: the share of blocks run more than once and how many distinct
 * files a block that ran has run on. Shown once something has run.
 */
export function ReuseFigures() {
  const stats = useQuery(codeBlockStatsQueryOptions());
  const data = stats.data;
  if (!data || data.blocks_run === 0) return null;

  return (
    <HStack as="section" aria-label="Reuse" gap="3" mb="5" wrap="wrap" align="stretch">
      <Stat.Root size="sm" borderWidth="1px" rounded="lg" px="4" py="3" bg="bg" flex="1" minW="56">
        <Stat.Label>Run more than once</Stat.Label>
        <Stat.ValueText>{formatPercent(data.share_run_more_than_once)}</Stat.ValueText>
        <Stat.HelpText>
          {formatCount(data.blocks_run_more_than_once, "block", "blocks")} of{" "}
          {formatCount(data.blocks, "block", "blocks")}
        </Stat.HelpText>
      </Stat.Root>
      <Stat.Root size="sm" borderWidth="1px" rounded="lg" px="4" py="3" bg="bg" flex="1" minW="56">
        <Stat.Label>Files per block</Stat.Label>
        <Stat.ValueText>{formatDecimal(data.average_distinct_files)}</Stat.ValueText>
        <Stat.HelpText>
          distinct files on average, over the {formatCount(data.blocks_run, "block", "blocks")} that
          ran
        </Stat.HelpText>
      </Stat.Root>
    </HStack>
  );
}
