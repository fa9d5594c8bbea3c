import { Badge } from "@chakra-ui/react";
import { LuCircleCheck, LuCircleX, LuTriangleAlert } from "react-icons/lu";

type BlockStatusBadgeProps = {
  executedSuccessfully: boolean | null;
  hasSyntaxError: boolean;
};

/** What is known about a block running: its syntax first, then its last run; nothing if unknown. */
export function BlockStatusBadge({ executedSuccessfully, hasSyntaxError }: BlockStatusBadgeProps) {
  if (hasSyntaxError) {
    return (
      <Badge colorPalette="orange" variant="subtle" size="sm" title="Python could not parse it">
        <LuTriangleAlert aria-hidden />
        Syntax error
      </Badge>
    );
  }
  if (executedSuccessfully === true) {
    return (
      <Badge colorPalette="green" variant="subtle" size="sm">
        <LuCircleCheck aria-hidden />
        Ran successfully
      </Badge>
    );
  }
  if (executedSuccessfully === false) {
    return (
      <Badge colorPalette="red" variant="subtle" size="sm">
        <LuCircleX aria-hidden />
        Failed
      </Badge>
    );
  }
  return null;
}
