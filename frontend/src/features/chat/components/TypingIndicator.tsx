import { Box, HStack, Text } from "@chakra-ui/react";

/** Three pulsing dots while the assistant writes; the label is for screen readers. */
export function TypingIndicator({ label = "Writing a reply" }: { label?: string }) {
  return (
    <HStack gap="1" h="6">
      {[0, 1, 2].map((dot) => (
        <Box
          key={dot}
          boxSize="1.5"
          rounded="full"
          bg="fg.muted"
          animation="pulse 1.2s ease-in-out infinite"
          style={{ animationDelay: `${dot * 0.18}s` }}
        />
      ))}
      <Text srOnly>{label}</Text>
    </HStack>
  );
}
