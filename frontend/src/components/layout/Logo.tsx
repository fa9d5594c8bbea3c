import { Box, HStack, Text } from "@chakra-ui/react";

/** The red panda mark. Decorative: the product name is always written next to it or in a label. */
export function LogoMark({ size = 8 }: { size?: number | string }) {
  return (
    <Box asChild boxSize={size} flexShrink={0}>
      <svg viewBox="0 0 64 64" aria-hidden="true">
        <circle cx="14" cy="17" r="10" fill="#fff5ed" />
        <circle cx="14" cy="17" r="6.5" fill="#7f3015" />
        <circle cx="50" cy="17" r="10" fill="#fff5ed" />
        <circle cx="50" cy="17" r="6.5" fill="#7f3015" />
        <ellipse cx="32" cy="36" rx="25" ry="21" fill="#e65f1c" />
        <path
          d="M18 37c2 6 6 10 14 10s12-4 14-10"
          fill="none"
          stroke="#9f3911"
          strokeWidth="3"
          strokeLinecap="round"
        />
        <ellipse cx="32" cy="47" rx="12" ry="9" fill="#fff5ed" />
        <ellipse cx="21" cy="28" rx="5.5" ry="3.5" fill="#fff5ed" />
        <ellipse cx="43" cy="28" rx="5.5" ry="3.5" fill="#fff5ed" />
        <circle cx="22" cy="35" r="3.2" fill="#2a1208" />
        <circle cx="42" cy="35" r="3.2" fill="#2a1208" />
        <ellipse cx="32" cy="43" rx="4" ry="2.8" fill="#2a1208" />
      </svg>
    </Box>
  );
}

export function Logo() {
  return (
    <HStack gap="2.5">
      <LogoMark />
      <Text fontWeight="bold" fontSize="lg" letterSpacing="tight">
        Red Panda
      </Text>
    </HStack>
  );
}
