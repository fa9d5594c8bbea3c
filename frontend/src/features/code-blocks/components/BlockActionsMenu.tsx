import {
  LuCopy,
  LuFileCode,
  LuMessageSquarePlus,
  LuNotebookPen,
  LuSquareArrowOutUpRight,
  LuTrash2,
} from "react-icons/lu";
import { RowActionsMenu } from "@/components/RowActionsMenu";
import type { ExportFormat } from "../api";

type BlockActionsMenuProps = {
  title: string;
  isPython: boolean;
  exporting: boolean;
  onOpen: () => void;
  onCopy: () => void;
  onUseInChat: () => void;
  onExport: (format: ExportFormat) => void;
  onDelete: () => void;
};

/** The "…" menu of a card or a row. */
export function BlockActionsMenu({
  title,
  isPython,
  exporting,
  onOpen,
  onCopy,
  onUseInChat,
  onExport,
  onDelete,
}: BlockActionsMenuProps) {
  return (
    <RowActionsMenu
      name={title}
      size="xs"
      loading={exporting}
      minW="56"
      actions={[
        { value: "open", label: "Open", icon: <LuSquareArrowOutUpRight />, onSelect: onOpen },
        { value: "copy", label: "Copy code", icon: <LuCopy />, onSelect: onCopy },
        {
          value: "chat",
          label: "Use in a new chat",
          icon: <LuMessageSquarePlus />,
          onSelect: onUseInChat,
        },
        {
          value: "export-py",
          label: "Export as script (.py)",
          icon: <LuFileCode />,
          onSelect: () => onExport("py"),
          // Scripts and notebooks run the code with Python: other languages cannot be exported.
          disabled: !isPython,
          separated: true,
        },
        {
          value: "export-ipynb",
          label: "Export as notebook (.ipynb)",
          icon: <LuNotebookPen />,
          onSelect: () => onExport("ipynb"),
          disabled: !isPython,
        },
        {
          value: "delete",
          label: "Delete",
          icon: <LuTrash2 />,
          onSelect: onDelete,
          destructive: true,
          separated: true,
        },
      ]}
    />
  );
}
