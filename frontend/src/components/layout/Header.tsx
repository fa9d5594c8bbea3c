import { Box, HStack, IconButton } from "@chakra-ui/react";
import { LuMenu } from "react-icons/lu";
import { ColorModeButton } from "../ui/color-mode";
import { Logo } from "./Logo";
import type { ShellUser } from "./types";
import { UserMenu } from "./UserMenu";

type HeaderProps = {
  user: ShellUser;
  onLogout: () => void;
  onOpenNav: () => void;
};

export function Header({ user, onLogout, onOpenNav }: HeaderProps) {
  return (
    <HStack
      as="header"
      h="14"
      px={{ base: "3", md: "6" }}
      gap="2"
      borderBottomWidth="1px"
      bg="bg/80"
      backdropFilter="blur(8px)"
      position="sticky"
      top="0"
      zIndex="sticky"
    >
      <IconButton
        display={{ base: "inline-flex", md: "none" }}
        variant="ghost"
        size="sm"
        aria-label="Open navigation"
        onClick={onOpenNav}
      >
        <LuMenu />
      </IconButton>
      <Box display={{ base: "block", md: "none" }}>
        <Logo />
      </Box>
      <HStack ms="auto" gap="1">
        <ColorModeButton />
        <UserMenu user={user} onLogout={onLogout} />
      </HStack>
    </HStack>
  );
}
