import { Box, HStack, Stack, Text } from "@chakra-ui/react";
import type { TopValue } from "@/client";
import { formatInteger, formatPercent } from "@/lib/format";
import { formatValue } from "../format";

const SHOWN = 5;

type TopValuesProps = {
  values: TopValue[];
  /** Rows in the file, to size each bar as a share of the whole. */
  rowCount: number;
};

/** The most frequent values as small bars: the value, how often it occurs, and its share. */
export function TopValues({ values, rowCount }: TopValuesProps) {
  const shown = values.slice(0, SHOWN);
  const more = values.length - shown.length;
  return (
    <Stack gap="1" w="52">
      {shown.map((item) => {
        const share = rowCount > 0 ? item.count / rowCount : 0;
        const label = item.value === null ? "null" : formatValue(item.value);
        return (
          <HStack
            key={label}
            position="relative"
            gap="2"
            px="1.5"
            py="0.5"
            rounded="sm"
            overflow="hidden"
            textStyle="xs"
            title={`${label}: ${formatInteger(item.count)} rows (${formatPercent(share)})`}
          >
            <Box
              position="absolute"
              insetY="0"
              insetStart="0"
              width={`${Math.max(share * 100, 2)}%`}
              bg="brand.muted"
              opacity={0.7}
              aria-hidden
            />
            <Text
              position="relative"
              flex="1"
              truncate
              fontStyle={item.value === null ? "italic" : undefined}
            >
              {label === "" ? "(empty)" : label}
            </Text>
            <Text position="relative" color="fg.muted" fontVariantNumeric="tabular-nums">
              {formatInteger(item.count)}
            </Text>
          </HStack>
        );
      })}
      {more > 0 && (
        <Text textStyle="xs" color="fg.subtle" px="1.5">
          and {more} more
        </Text>
      )}
    </Stack>
  );
}
