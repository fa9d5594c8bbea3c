import { IconButton, Menu, Portal } from "@chakra-ui/react";
import { LuEllipsisVertical, LuPencil, LuTrash2 } from "react-icons/lu";

type UserRowActionsProps = {
  email: string;
  canDelete: boolean;
  onEdit: () => void;
  onDelete: () => void;
};

export function UserRowActions({ email, canDelete, onEdit, onDelete }: UserRowActionsProps) {
  return (
    <Menu.Root positioning={{ placement: "bottom-end" }}>
      <Menu.Trigger asChild>
        <IconButton variant="ghost" size="sm" aria-label={`Actions for ${email}`}>
          <LuEllipsisVertical />
        </IconButton>
      </Menu.Trigger>
      <Portal>
        <Menu.Positioner>
          <Menu.Content>
            <Menu.Item value="edit" onSelect={onEdit}>
              <LuPencil aria-hidden />
              Edit user
            </Menu.Item>
            <Menu.Item
              value="delete"
              onSelect={onDelete}
              disabled={!canDelete}
              color="fg.error"
              _hover={{ bg: "bg.error", color: "fg.error" }}
            >
              <LuTrash2 aria-hidden />
              Delete user
            </Menu.Item>
          </Menu.Content>
        </Menu.Positioner>
      </Portal>
    </Menu.Root>
  );
}
