import { LuPencil, LuTrash2 } from "react-icons/lu";
import { RowActionsMenu } from "@/components/RowActionsMenu";

type UserRowActionsProps = {
  email: string;
  canDelete: boolean;
  onEdit: () => void;
  onDelete: () => void;
};

export function UserRowActions({ email, canDelete, onEdit, onDelete }: UserRowActionsProps) {
  return (
    <RowActionsMenu
      name={email}
      actions={[
        { value: "edit", label: "Edit user", icon: <LuPencil aria-hidden />, onSelect: onEdit },
        {
          value: "delete",
          label: "Delete user",
          icon: <LuTrash2 aria-hidden />,
          onSelect: onDelete,
          disabled: !canDelete,
          destructive: true,
        },
      ]}
    />
  );
}
