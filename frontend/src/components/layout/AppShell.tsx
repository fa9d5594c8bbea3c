import { Box, Flex, SkipNavLink } from "@chakra-ui/react";
import { type ReactNode, useState } from "react";
import { Header } from "./Header";
import type { KeyStatus } from "./KeyStatusIndicator";
import { MobileNav } from "./MobileNav";
import { Sidebar } from "./Sidebar";
import type { ShellUser } from "./types";

type AppShellProps = {
  user: ShellUser;
  keyStatus: KeyStatus | null;
  /** The page fills the area under the header edge to edge (the chat), instead of a padded column. */
  fullBleed?: boolean;
  onLogout: () => void;
  children: ReactNode;
};

export function AppShell({
  user,
  keyStatus,
  fullBleed = false,
  onLogout,
  children,
}: AppShellProps) {
  const [navOpen, setNavOpen] = useState(false);

  return (
    <Flex minH="100dvh" bg="bg.canvas">
      <SkipNavLink id="main-content">Skip to content</SkipNavLink>
      <Sidebar isSuperuser={user.isSuperuser} />
      <MobileNav open={navOpen} onOpenChange={setNavOpen} isSuperuser={user.isSuperuser} />
      <Flex direction="column" flex="1" minW="0">
        <Header
          user={user}
          keyStatus={keyStatus}
          onLogout={onLogout}
          onOpenNav={() => setNavOpen(true)}
        />
        {fullBleed ? (
          <Box as="main" id="main-content" tabIndex={-1} outline="none" flex="1" minH="0">
            {children}
          </Box>
        ) : (
          <Box
            as="main"
            id="main-content"
            tabIndex={-1}
            outline="none"
            flex="1"
            px={{ base: "4", md: "8" }}
            py={{ base: "6", md: "8" }}
          >
            <Box maxW="6xl" mx="auto">
              {children}
            </Box>
          </Box>
        )}
      </Flex>
    </Flex>
  );
}
