import { Button } from "@chakra-ui/react";
import { LuPlay, LuRotateCw } from "react-icons/lu";

type RunButtonProps = {
  /** "Run again" once there is a run to run again (and runs happen by themselves). */
  again: boolean;
  running: boolean;
  /** Why it cannot be pressed now (shown on hover), or null. */
  blocked: string | null;
  onRun: () => void;
};

/** Runs a Python block of a reply against the conversation's files. */
export function RunButton({ again, running, blocked, onRun }: RunButtonProps) {
  return (
    <Button
      size="xs"
      variant="ghost"
      colorPalette="brand"
      onClick={onRun}
      disabled={running || blocked !== null}
      title={blocked ?? "Run this code on the conversation's files"}
    >
      {again ? <LuRotateCw aria-hidden /> : <LuPlay aria-hidden />}
      {again ? "Run again" : "Run"}
    </Button>
  );
}
