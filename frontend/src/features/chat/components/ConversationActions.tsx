import { LuEllipsis, LuPencil, LuTrash2 } from "react-icons/lu";
import { RowActionsMenu } from "@/components/RowActionsMenu";

type ConversationActionsProps = {
  title: string;
  onRename: () => void;
  onDelete: () => void;
};

/** The "…" menu of a conversation in the sidebar. */
export function ConversationActions({ title, onRename, onDelete }: ConversationActionsProps) {
  return (
    <RowActionsMenu
      name={title}
      icon={<LuEllipsis />}
      size="xs"
      rounded="md"
      minW="40"
      actions={[
        { value: "rename", label: "Rename", icon: <LuPencil aria-hidden />, onSelect: onRename },
        {
          value: "delete",
          label: "Delete",
          icon: <LuTrash2 aria-hidden />,
          onSelect: onDelete,
          destructive: true,
          separated: true,
        },
      ]}
    />
  );
}
