import { Box, type BoxProps, Flex } from "@chakra-ui/react";
import { memo, type ReactNode } from "react";
import { type HighlightedCode, useHighlightedCode } from "@/lib/use-highlighted-code";

/** Coloured lines, then whatever arrived since they were coloured, as plain text. */
function renderCode(code: string, highlighted: HighlightedCode | null): ReactNode {
  if (!highlighted || !code.startsWith(highlighted.code)) return code;
  const rest = code.slice(highlighted.code.length);
  return (
    <>
      {highlighted.lines.map((line, lineIndex) => (
        // Lines and tokens never move within one result: their positions are stable keys.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <span key={lineIndex}>
          {lineIndex > 0 && "\n"}
          {line.map((token, tokenIndex) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <span key={tokenIndex} style={token.htmlStyle}>
              {token.content}
            </span>
          ))}
        </span>
      ))}
      {rest}
    </>
  );
}

/** Shiki gives each token both colours; the colour mode picks one (see lib/highlighter.ts). */
export const shikiColours = {
  "& span[style]": {
    color: "var(--shiki-light)",
    fontStyle: "var(--shiki-light-font-style)",
  },
  ".dark & span[style]": {
    color: "var(--shiki-dark)",
    fontStyle: "var(--shiki-dark-font-style)",
  },
};

type CodeViewProps = {
  code: string;
  language: string | null;
  /** Numbers in a gutter that copying and selecting leave out. */
  lineNumbers?: boolean;
  /** Caps the height; the code scrolls inside. */
  maxH?: BoxProps["maxH"];
  /** Smaller type for previews. */
  compact?: boolean;
  /** The surface behind the code; the line-number gutter keeps it while the code scrolls sideways. */
  bg?: BoxProps["bg"];
  /**
   * False for a preview inside a link (a library card): it is then cut off instead of scrolling,
   * and takes no keyboard focus of its own.
   */
  interactive?: boolean;
};

/** Read-only code, highlighted once the highlighter has loaded (plain text until then). */
export const CodeView = memo(function CodeView({
  code,
  language,
  lineNumbers = false,
  maxH,
  compact = false,
  bg = "bg.subtle",
  interactive = true,
}: CodeViewProps) {
  // A final newline is not a line anyone wrote: show the code without it.
  const shown = code.replace(/\n+$/, "");
  const highlighted = useHighlightedCode(shown, language);
  const lineCount = shown.split("\n").length;
  const typography = {
    fontFamily: "mono",
    fontSize: compact ? "12px" : "13px",
    lineHeight: compact ? "1.55" : "1.65",
  };

  return (
    // The frame scrolls (both ways when capped), so keyboard users can focus it and scroll.
    <Flex
      maxH={maxH}
      overflow={interactive ? "auto" : "hidden"}
      align="flex-start"
      bg={bg}
      tabIndex={interactive ? 0 : undefined}
      focusVisibleRing="inside"
    >
      {lineNumbers && (
        <Box
          aria-hidden
          py="4"
          ps="3"
          pe="2"
          textAlign="end"
          color="fg.subtle"
          userSelect="none"
          flexShrink={0}
          position="sticky"
          insetStart="0"
          bg={bg}
          whiteSpace="pre"
          {...typography}
        >
          {Array.from({ length: lineCount }, (_, index) => index + 1).join("\n")}
        </Box>
      )}
      <Box
        as="pre"
        m="0"
        p={compact ? "3" : "4"}
        ps={lineNumbers ? "2" : undefined}
        flex="1 0 auto"
        css={shikiColours}
        {...typography}
      >
        <code>{renderCode(shown, highlighted)}</code>
      </Box>
    </Flex>
  );
});
