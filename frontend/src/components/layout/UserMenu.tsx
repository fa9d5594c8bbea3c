import { Avatar, Box, Button, Menu, Portal, Text } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import { LuChevronDown, LuLogOut, LuSettings } from "react-icons/lu";
import { displayName, type ShellUser } from "./types";

type UserMenuProps = {
  user: ShellUser;
  onLogout: () => void;
};

export function UserMenu({ user, onLogout }: UserMenuProps) {
  const name = displayName(user);

  return (
    <Menu.Root positioning={{ placement: "bottom-end" }}>
      <Menu.Trigger asChild>
        <Button variant="ghost" size="sm" px="1.5" aria-label={`Account menu for ${name}`}>
          <Avatar.Root size="xs" colorPalette="brand">
            <Avatar.Fallback name={name} />
          </Avatar.Root>
          <Text as="span" display={{ base: "none", sm: "inline" }} maxW="40" truncate>
            {name}
          </Text>
          <LuChevronDown aria-hidden />
        </Button>
      </Menu.Trigger>
      <Portal>
        <Menu.Positioner>
          <Menu.Content minW="60">
            <Box px="2" py="1.5">
              <Text fontWeight="medium" truncate>
                {user.fullName || "Your account"}
              </Text>
              <Text textStyle="xs" color="fg.muted" truncate>
                {user.email}
              </Text>
            </Box>
            <Menu.Separator />
            <Menu.Item value="settings" asChild>
              <Link to="/settings">
                <LuSettings aria-hidden />
                Settings
              </Link>
            </Menu.Item>
            <Menu.Separator />
            <Menu.Item value="logout" onSelect={onLogout}>
              <LuLogOut aria-hidden />
              Log out
            </Menu.Item>
          </Menu.Content>
        </Menu.Positioner>
      </Portal>
    </Menu.Root>
  );
}
