import { Box, Stack, Text } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import type { IconType } from "react-icons";
import {
  LuFileSpreadsheet,
  LuHouse,
  LuLibrary,
  LuMessagesSquare,
  LuSettings,
  LuShieldCheck,
} from "react-icons/lu";

type NavItem = {
  label: string;
  to: "/" | "/chat" | "/library" | "/files" | "/settings" | "/admin";
  icon: IconType;
  exact?: boolean;
  adminOnly?: boolean;
};

const NAV_ITEMS: NavItem[] = [
  { label: "Home", to: "/", icon: LuHouse, exact: true },
  { label: "Chat", to: "/chat", icon: LuMessagesSquare },
  { label: "Library", to: "/library", icon: LuLibrary },
  { label: "Files", to: "/files", icon: LuFileSpreadsheet },
  { label: "Settings", to: "/settings", icon: LuSettings },
  { label: "Admin", to: "/admin", icon: LuShieldCheck, adminOnly: true },
];

type SidebarNavProps = {
  isSuperuser: boolean;
  /** Called after a link is followed, e.g. to close the mobile drawer. */
  onNavigate?: () => void;
};

export function SidebarNav({ isSuperuser, onNavigate }: SidebarNavProps) {
  const items = NAV_ITEMS.filter((item) => !item.adminOnly || isSuperuser);

  return (
    <Box as="nav" aria-label="Main">
      <Text
        px="3"
        pb="2"
        textStyle="xs"
        fontWeight="semibold"
        color="fg.subtle"
        textTransform="uppercase"
        letterSpacing="wider"
      >
        Workspace
      </Text>
      <Stack as="ul" gap="1" listStyleType="none">
        {items.map((item) => (
          <li key={item.to}>
            <Box
              asChild
              display="flex"
              alignItems="center"
              gap="3"
              px="3"
              py="2"
              rounded="md"
              fontWeight="medium"
              textStyle="sm"
              color="fg.muted"
              transition="background 0.15s, color 0.15s"
              _hover={{ bg: "bg.muted", color: "fg" }}
              _currentPage={{ bg: "brand.subtle", color: "brand.fg" }}
              focusVisibleRing="inside"
            >
              <Link to={item.to} activeOptions={{ exact: item.exact }} onClick={onNavigate}>
                <item.icon aria-hidden size="18" />
                {item.label}
              </Link>
            </Box>
          </li>
        ))}
      </Stack>
    </Box>
  );
}
