import { Breadcrumb } from "@chakra-ui/react";
import { Link, type LinkProps } from "@tanstack/react-router";

type BackBreadcrumbProps = {
  /** The list page this detail page belongs to. */
  to: LinkProps["to"];
  label: string;
  /** The page's own name, cut short when long. */
  current: string;
};

/** "List › This item" above a detail page, the list being a link back. */
export function BackBreadcrumb({ to, label, current }: BackBreadcrumbProps) {
  return (
    <Breadcrumb.Root size="sm">
      <Breadcrumb.List>
        <Breadcrumb.Item>
          <Breadcrumb.Link asChild>
            <Link to={to}>{label}</Link>
          </Breadcrumb.Link>
        </Breadcrumb.Item>
        <Breadcrumb.Separator />
        <Breadcrumb.Item minW="0">
          <Breadcrumb.CurrentLink truncate maxW="xs">
            {current}
          </Breadcrumb.CurrentLink>
        </Breadcrumb.Item>
      </Breadcrumb.List>
    </Breadcrumb.Root>
  );
}
