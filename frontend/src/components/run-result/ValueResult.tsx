import { Box, HStack, Text } from "@chakra-ui/react";
import { OutputSection } from "./OutputSection";
import { monospaceBlock } from "./PrintedOutput";
import { cellText, type ResultValue } from "./result-schema";

type ValueKinds = Exclude<ResultValue, { kind: "dataframe" | "series" | "figure" | "none" }>;

/** A result that is not a table: a single value, a dict or list, or text. */
export function ValueResult({ result }: { result: ValueKinds }) {
  if (result.kind === "scalar") {
    return (
      <OutputSection label="Result">
        <HStack gap="2" align="baseline" wrap="wrap">
          <Text textStyle="2xl" fontWeight="semibold" fontVariantNumeric="tabular-nums">
            {cellText(result.value)}
          </Text>
          {result.type && (
            <Text textStyle="xs" color="fg.muted" fontFamily="mono">
              {result.type}
            </Text>
          )}
        </HStack>
      </OutputSection>
    );
  }
  const text =
    result.kind === "text"
      ? result.text
      : JSON.stringify(result.kind === "json" ? result.value : result.raw, null, 2);
  return (
    <OutputSection label="Result">
      <Box {...monospaceBlock} maxH="24rem" overflowY="auto" tabIndex={0}>
        {text}
      </Box>
      {result.kind === "text" && result.truncated && (
        <Text textStyle="xs" color="fg.muted">
          The text was cut short.
        </Text>
      )}
    </OutputSection>
  );
}
