import { CloseButton, Drawer, Portal } from "@chakra-ui/react";
import { SidebarContent } from "./Sidebar";

type MobileNavProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  isSuperuser: boolean;
};

/** On small screens the sidebar slides in from the start edge. */
export function MobileNav({ open, onOpenChange, isSuperuser }: MobileNavProps) {
  return (
    <Drawer.Root
      open={open}
      onOpenChange={(details) => onOpenChange(details.open)}
      placement="start"
    >
      <Portal>
        <Drawer.Backdrop />
        <Drawer.Positioner>
          <Drawer.Content maxW="72">
            <Drawer.Title srOnly>Navigation</Drawer.Title>
            <Drawer.Body p="0">
              <SidebarContent isSuperuser={isSuperuser} onNavigate={() => onOpenChange(false)} />
            </Drawer.Body>
            <Drawer.CloseTrigger asChild>
              <CloseButton size="sm" aria-label="Close navigation" />
            </Drawer.CloseTrigger>
          </Drawer.Content>
        </Drawer.Positioner>
      </Portal>
    </Drawer.Root>
  );
}
