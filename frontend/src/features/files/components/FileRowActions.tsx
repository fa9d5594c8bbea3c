import { LuDownload, LuPencil, LuTrash2 } from "react-icons/lu";
import { RowActionsMenu } from "@/components/RowActionsMenu";

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
    <RowActionsMenu
      name={filename}
      loading={downloading}
      minW="40"
      actions={[
        { value: "rename", label: "Rename", icon: <LuPencil aria-hidden />, onSelect: onRename },
        {
          value: "download",
          label: "Download",
          icon: <LuDownload aria-hidden />,
          onSelect: onDownload,
        },
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
