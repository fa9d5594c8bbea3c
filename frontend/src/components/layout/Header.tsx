import { Box, HStack, IconButton } from "@chakra-ui/react";
import { LuMenu } from "react-icons/lu";
import { ColorModeButton } from "../ui/color-mode";
import { type KeyStatus, KeyStatusIndicator } from "./KeyStatusIndicator";
import { Logo } from "./Logo";
import type { ShellUser } from "./types";
import { UserMenu } from "./UserMenu";

type HeaderProps = {
  user: ShellUser;
  /** Null until the keys are known. */
  keyStatus: KeyStatus | null;
  onLogout: () => void;
  onOpenNav: () => void;
};

export function Header({ user, keyStatus, onLogout, onOpenNav }: HeaderProps) {
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
        {keyStatus && <KeyStatusIndicator status={keyStatus} />}
        <ColorModeButton />
        <UserMenu user={user} onLogout={onLogout} />
      </HStack>
    </HStack>
  );
}
