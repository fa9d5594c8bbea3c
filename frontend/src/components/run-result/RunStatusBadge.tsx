import { Badge } from "@chakra-ui/react";
import type { IconType } from "react-icons";
import { LuCircleCheck, LuCircleX, LuShieldAlert, LuTimerOff } from "react-icons/lu";
import type { RunStatus } from "./types";

const STATUSES: Record<
  RunStatus,
  { label: string; palette: string; icon: IconType; hint: string }
> = {
  succeeded: {
    label: "Succeeded",
    palette: "green",
    icon: LuCircleCheck,
    hint: "The code ran to its end.",
  },
  failed: {
    label: "Failed",
    palette: "red",
    icon: LuCircleX,
    hint: "The code stopped with an error.",
  },
  timed_out: {
    label: "Timed out",
    palette: "orange",
    icon: LuTimerOff,
    hint: "The code ran past the time limit and was stopped.",
  },
  refused: {
    label: "Not run",
    palette: "orange",
    icon: LuShieldAlert,
    hint: "The safety check stopped the code before it ran.",
  },
};

export function runStatusLabel(status: RunStatus): string {
  return STATUSES[status].label;
}

/** How a run ended, in words and colour. */
export function RunStatusBadge({ status }: { status: RunStatus }) {
  const { label, palette, icon: Icon, hint } = STATUSES[status];
  return (
    <Badge colorPalette={palette} variant="subtle" size="sm" title={hint}>
      <Icon aria-hidden />
      {label}
    </Badge>
  );
}
