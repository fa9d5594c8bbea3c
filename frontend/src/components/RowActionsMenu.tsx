import { IconButton, type IconButtonProps, Menu, Portal } from "@chakra-ui/react";
import { Fragment, type ReactNode } from "react";
import { LuEllipsisVertical } from "react-icons/lu";

export type RowAction = {
  value: string;
  label: string;
  icon: ReactNode;
  onSelect: () => void;
  disabled?: boolean;
  /** Shown in red, as a delete is. */
  destructive?: boolean;
  /** Draw a line above this item. */
  separated?: boolean;
};

type RowActionsMenuProps = {
  /** What the row is called: the button is named "Actions for <name>". */
  name: string;
  actions: RowAction[];
  /** The trigger's icon; a vertical ellipsis unless told. */
  icon?: ReactNode;
  size?: IconButtonProps["size"];
  rounded?: IconButtonProps["rounded"];
  loading?: boolean;
  minW?: string;
};

/** The "…" menu at the end of a list row. */
export function RowActionsMenu({
  name,
  actions,
  icon = <LuEllipsisVertical />,
  size = "sm",
  rounded,
  loading,
  minW,
}: RowActionsMenuProps) {
  return (
    <Menu.Root positioning={{ placement: "bottom-end" }}>
      <Menu.Trigger asChild>
        <IconButton
          variant="ghost"
          size={size}
          rounded={rounded}
          aria-label={`Actions for ${name}`}
          loading={loading}
        >
          {icon}
        </IconButton>
      </Menu.Trigger>
      <Portal>
        <Menu.Positioner>
          <Menu.Content minW={minW}>
            {actions.map((action) => (
              <Fragment key={action.value}>
                {action.separated && <Menu.Separator />}
                <Menu.Item
                  value={action.value}
                  onSelect={action.onSelect}
                  disabled={action.disabled}
                  {...(action.destructive && {
                    color: "fg.error",
                    _hover: { bg: "bg.error", color: "fg.error" },
                  })}
                >
                  {action.icon}
                  {action.label}
                </Menu.Item>
              </Fragment>
            ))}
          </Menu.Content>
        </Menu.Positioner>
      </Portal>
    </Menu.Root>
  );
}
