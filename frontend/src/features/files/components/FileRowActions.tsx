import { IconButton, Menu, Portal } from "@chakra-ui/react";
import { LuDownload, LuEllipsisVertical, LuPencil, LuTrash2 } from "react-icons/lu";

type FileRowActionsProps = {
  filename: string;
  downloading: boolean;
  onRename: () => void;
  onDownload: () => void;
  onDelete: () => void;
};

export function FileRowActions({
  filename,
  downloading,
  onRename,
  onDownload,
  onDelete,
}: FileRowActionsProps) {
  return (
    <Menu.Root positioning={{ placement: "bottom-end" }}>
      <Menu.Trigger asChild>
        <IconButton
          variant="ghost"
          size="sm"
          aria-label={`Actions for ${filename}`}
          loading={downloading}
        >
          <LuEllipsisVertical />
        </IconButton>
      </Menu.Trigger>
      <Portal>
        <Menu.Positioner>
          <Menu.Content minW="40">
            <Menu.Item value="rename" onSelect={onRename}>
              <LuPencil aria-hidden />
              Rename
            </Menu.Item>
            <Menu.Item value="download" onSelect={onDownload}>
              <LuDownload aria-hidden />
              Download
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
