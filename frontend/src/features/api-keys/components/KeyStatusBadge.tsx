import { Badge } from "@chakra-ui/react";
import { LuCircleAlert, LuCircleCheck, LuCircleHelp } from "react-icons/lu";
import type { ApiKeyPublic } from "@/client";
import { STATUS_LABELS } from "../key-status";

const PALETTES = { valid: "green", invalid: "red", unchecked: "orange" } as const;
const ICONS = { valid: LuCircleCheck, invalid: LuCircleAlert, unchecked: LuCircleHelp } as const;

/** "Valid", "Invalid" or "Unchecked", coloured and with an icon so colour is not the only cue. */
export function KeyStatusBadge({ status }: { status: ApiKeyPublic["status"] }) {
  const Icon = ICONS[status];
  return (
    <Badge colorPalette={PALETTES[status]} variant="subtle" size="md" gap="1">
      <Icon aria-hidden />
      {STATUS_LABELS[status]}
    </Badge>
  );
}
