import { Box, Stack, Text } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import { Logo } from "./Logo";
import { SidebarNav } from "./SidebarNav";

type SidebarProps = {
  isSuperuser: boolean;
  onNavigate?: () => void;
};

/** The sidebar's content, shared by the fixed desktop column and the mobile drawer. */
export function SidebarContent({ isSuperuser, onNavigate }: SidebarProps) {
  return (
    <Stack h="full" gap="6" px="3" py="4">
      <Box px="2" asChild rounded="md" focusVisibleRing="outside">
        <Link to="/" aria-label="Red Panda home" onClick={onNavigate}>
          <Logo />
        </Link>
      </Box>
      <SidebarNav isSuperuser={isSuperuser} onNavigate={onNavigate} />
      <Text mt="auto" px="3" textStyle="xs" color="fg.subtle">
        Chat with your CSV files. Keep every line of code.
      </Text>
    </Stack>
  );
}

export function Sidebar({ isSuperuser }: SidebarProps) {
  return (
    <Box
      as="aside"
      display={{ base: "none", md: "block" }}
      w="60"
      flexShrink={0}
      borderEndWidth="1px"
      bg="bg"
      position="sticky"
      top="0"
      h="100dvh"
    >
      <SidebarContent isSuperuser={isSuperuser} />
    </Box>
  );
}
