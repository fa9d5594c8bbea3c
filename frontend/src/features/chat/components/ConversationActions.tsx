import { IconButton, Menu, Portal } from "@chakra-ui/react";
import { LuEllipsis, LuPencil, LuTrash2 } from "react-icons/lu";

type ConversationActionsProps = {
  title: string;
  onRename: () => void;
  onDelete: () => void;
};

/** The "…" menu of a conversation in the sidebar. */
export function ConversationActions({ title, onRename, onDelete }: ConversationActionsProps) {
  return (
    <Menu.Root positioning={{ placement: "bottom-end" }}>
      <Menu.Trigger asChild>
        <IconButton variant="ghost" size="xs" rounded="md" aria-label={`Actions for ${title}`}>
          <LuEllipsis />
        </IconButton>
      </Menu.Trigger>
      <Portal>
        <Menu.Positioner>
          <Menu.Content minW="40">
            <Menu.Item value="rename" onSelect={onRename}>
              <LuPencil aria-hidden />
              Rename
            </Menu.Item>
            <Menu.Separator />
            <Menu.Item
              value="delete"
              onSelect={onDelete}
              color="fg.error"
              _hover={{ bg: "bg.error", color: "fg.error" }}
            >
              <LuTrash2 aria-hidden />
              Delete
            </Menu.Item>
          </Menu.Content>
        </Menu.Positioner>
      </Portal>
    </Menu.Root>
  );
}
