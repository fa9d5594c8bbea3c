import { Box, Button } from "@chakra-ui/react";
import { useId, useState } from "react";
import { LuChevronDown, LuChevronUp } from "react-icons/lu";
import { formatCount } from "@/lib/format";
import { OutputSection } from "./OutputSection";

// Past this, the output opens folded to its first lines: a long print loop should not push the
// result off screen.
const FOLDED_LINES = 12;
const FOLDED_CHARS = 1500;

export const monospaceBlock = {
  as: "pre",
  fontFamily: "mono",
  textStyle: "xs",
  whiteSpace: "pre-wrap",
  wordBreak: "break-word",
  px: "3",
  py: "2",
  rounded: "md",
  bg: "bg.muted",
  overflowX: "auto",
} as const;

/** What the code printed, in monospace; long output folds to its start with "Show all". */
export function PrintedOutput({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const lines = text.split("\n");
  const long = lines.length > FOLDED_LINES || text.length > FOLDED_CHARS;
  const shown =
    long && !expanded ? lines.slice(0, FOLDED_LINES).join("\n").slice(0, FOLDED_CHARS) : text;

  return (
    <OutputSection label="Printed output">
      <Box id={id} {...monospaceBlock} maxH={expanded ? "32rem" : undefined} overflowY="auto">
        {shown}
        {long && !expanded && "\n…"}
      </Box>
      {long && (
        <Button
          size="xs"
          variant="ghost"
          alignSelf="flex-start"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded((open) => !open)}
        >
          {expanded ? <LuChevronUp aria-hidden /> : <LuChevronDown aria-hidden />}
          {expanded ? "Show less" : `Show all ${formatCount(lines.length, "line", "lines")}`}
        </Button>
      )}
    </OutputSection>
  );
}
