import { Badge } from "@chakra-ui/react";
import type { ColumnProfile } from "@/client";

const PALETTES: Record<ColumnProfile["type"], string> = {
  integer: "blue",
  float: "cyan",
  boolean: "purple",
  date: "teal",
  datetime: "teal",
  text: "gray",
  categorical: "orange",
};

export function ColumnTypeBadge({ type }: { type: ColumnProfile["type"] }) {
  return (
    <Badge colorPalette={PALETTES[type] ?? "gray"} variant="subtle" size="sm">
      {type}
    </Badge>
  );
}
