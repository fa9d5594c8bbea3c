import { HStack, Spinner, Text } from "@chakra-ui/react";

/** Shown while the code runs; announced once to screen readers. */
export function RunningIndicator({ label = "Running the code…" }: { label?: string }) {
  return (
    <HStack
      role="status"
      gap="2"
      px="3"
      py="2.5"
      borderWidth="1px"
      borderStyle="dashed"
      rounded="md"
      color="fg.muted"
      textStyle="sm"
    >
      <Spinner size="sm" color="brand.solid" />
      <Text>{label}</Text>
    </HStack>
  );
}
