import { EmptyState, SimpleGrid, Skeleton, Stack, Stat, VStack } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { LuChartColumn } from "react-icons/lu";
import { FormAlert } from "@/components/form/FormAlert";
import { SettingsSection } from "@/components/SettingsSection";
import { getErrorMessage } from "@/lib/api-error";
import { formatInteger } from "@/lib/format";
import { usageQueryOptions } from "../api";
import { groupUsageByMonth } from "../usage";
import { UsageMonthTable } from "./UsageMonthTable";

/** Settings → Usage: tokens per month, provider and model, so costs never surprise anyone. */
export function UsageSettings() {
  const usage = useQuery(usageQueryOptions());
  const data = usage.data;
  const months = data ? groupUsageByMonth(data) : [];
  const calls = months.reduce((total, month) => total + month.calls, 0);

  return (
    <SettingsSection
      title="Usage"
      description="Tokens used by your LLM calls (replies, titles and key checks), per month (UTC), provider and model. The built-in assistant counts too, though it costs nothing."
    >
      {usage.isError && <FormAlert message={getErrorMessage(usage.error)} />}
      {usage.isPending && <Skeleton h="40" rounded="lg" />}
      {data && months.length === 0 && (
        <EmptyState.Root borderWidth="1px" borderStyle="dashed" rounded="lg">
          <EmptyState.Content>
            <EmptyState.Indicator>
              <LuChartColumn />
            </EmptyState.Indicator>
            <VStack textAlign="center">
              <EmptyState.Title>No usage yet</EmptyState.Title>
              <EmptyState.Description>
                Each reply’s input and output tokens are counted here as soon as you chat.
              </EmptyState.Description>
            </VStack>
          </EmptyState.Content>
        </EmptyState.Root>
      )}
      {data && months.length > 0 && (
        <Stack gap="8">
          <SimpleGrid columns={{ base: 1, sm: 3 }} gap="3">
            <Stat.Root borderWidth="1px" rounded="lg" p="4">
              <Stat.Label>Input tokens</Stat.Label>
              <Stat.ValueText>{formatInteger(data.total_input_tokens)}</Stat.ValueText>
            </Stat.Root>
            <Stat.Root borderWidth="1px" rounded="lg" p="4">
              <Stat.Label>Output tokens</Stat.Label>
              <Stat.ValueText>{formatInteger(data.total_output_tokens)}</Stat.ValueText>
            </Stat.Root>
            <Stat.Root borderWidth="1px" rounded="lg" p="4">
              <Stat.Label>Calls</Stat.Label>
              <Stat.ValueText>{formatInteger(calls)}</Stat.ValueText>
            </Stat.Root>
          </SimpleGrid>
          {months.map((month) => (
            <UsageMonthTable key={month.month} month={month} />
          ))}
        </Stack>
      )}
    </SettingsSection>
  );
}
