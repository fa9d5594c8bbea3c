import { Box, HStack, Text } from "@chakra-ui/react";
import { memo, type ReactNode } from "react";
import { CopyButton } from "@/components/CopyButton";
import { type HighlightedCode, useHighlightedCode } from "../use-highlighted-code";

const LANGUAGE_NAMES: Record<string, string> = {
  python: "Python",
  py: "Python",
  sql: "SQL",
  bash: "Bash",
  sh: "Shell",
  shell: "Shell",
  shellscript: "Shell",
  zsh: "Shell",
  json: "JSON",
  javascript: "JavaScript",
  js: "JavaScript",
  typescript: "TypeScript",
  ts: "TypeScript",
  yaml: "YAML",
  yml: "YAML",
  r: "R",
  csv: "CSV",
  text: "Text",
};

export function languageName(language: string | null): string {
  if (!language) return "Code";
  return LANGUAGE_NAMES[language.toLowerCase()] ?? language;
}

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

type CodeBlockProps = {
  code: string;
  language: string | null;
};

/** A fenced block of a reply: its language, a Copy button and highlighted code (lazy-loaded). */
export const CodeBlock = memo(function CodeBlock({ code, language }: CodeBlockProps) {
  const highlighted = useHighlightedCode(code, language);
  const name = languageName(language);

  return (
    <Box
      as="figure"
      role="group"
      aria-label={`${name} code`}
      my="4"
      borderWidth="1px"
      rounded="lg"
      overflow="hidden"
      bg="bg.subtle"
    >
      <HStack
        justify="space-between"
        ps="3"
        pe="1"
        py="1"
        borderBottomWidth="1px"
        bg="bg.muted"
        color="fg.muted"
      >
        <Text as="figcaption" textStyle="xs" fontWeight="medium" fontFamily="mono">
          {name}
        </Text>
        <CopyButton text={code} />
      </HStack>
      <Box
        as="pre"
        m="0"
        p="4"
        overflowX="auto"
        fontFamily="mono"
        fontSize="13px"
        lineHeight="1.65"
        tabIndex={0}
        css={{
          "& span[style]": {
            color: "var(--shiki-light)",
            fontStyle: "var(--shiki-light-font-style)",
          },
          ".dark & span[style]": {
            color: "var(--shiki-dark)",
            fontStyle: "var(--shiki-dark-font-style)",
          },
        }}
      >
        <code>{renderCode(code, highlighted)}</code>
      </Box>
    </Box>
  );
});
