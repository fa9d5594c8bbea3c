import { Box, Heading, Stack, Text } from "@chakra-ui/react";
import type { ReactNode } from "react";

type SettingsSectionProps = {
  title: string;
  description: ReactNode;
  children: ReactNode;
  tone?: "default" | "danger";
};

export function SettingsSection({
  title,
  description,
  children,
  tone = "default",
}: SettingsSectionProps) {
  return (
    <Box
      as="section"
      bg="bg"
      borderWidth="1px"
      borderColor={tone === "danger" ? "border.error" : "border"}
      rounded="xl"
      p={{ base: "5", md: "8" }}
    >
      <Stack gap="1" mb="6">
        <Heading as="h2" size="md" color={tone === "danger" ? "fg.error" : undefined}>
          {title}
        </Heading>
        <Text textStyle="sm" color="fg.muted">
          {description}
        </Text>
      </Stack>
      {children}
    </Box>
  );
}
