import { Stack, Text } from "@chakra-ui/react";
import type { ReactNode } from "react";

/** One labelled part of a run's output (result, charts, printed output, error). */
export function OutputSection({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack as="section" aria-label={label} gap="1.5" minW="0">
      <Text textStyle="xs" fontWeight="semibold" color="fg.muted" textTransform="uppercase">
        {label}
      </Text>
      {children}
    </Stack>
  );
}
