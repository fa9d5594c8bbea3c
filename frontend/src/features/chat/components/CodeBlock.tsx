import { Box, Button, HStack, Text } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import { memo, type ReactNode } from "react";
import { LuLibrary } from "react-icons/lu";
import { CopyButton } from "@/components/CopyButton";
import { CodeView } from "@/components/code/CodeView";
import { languageName } from "@/lib/code-languages";

type CodeBlockProps = {
  code: string;
  language: string | null;
  /** The block's entry in the code library, once the server has stored it. */
  libraryId?: string | null;
  /** More buttons in the block's header (Run). */
  actions?: ReactNode;
  /** Under the code: what running it gave. */
  children?: ReactNode;
};

/** A fenced block of a reply: its language, Copy, its library entry, highlighted code and runs. */
export const CodeBlock = memo(function CodeBlock({
  code,
  language,
  libraryId,
  actions,
  children,
}: CodeBlockProps) {
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
        <HStack gap="0">
          {actions}
          {libraryId && (
            <Button asChild size="xs" variant="ghost">
              <Link to="/library/$blockId" params={{ blockId: libraryId }}>
                <LuLibrary aria-hidden />
                Open in library
              </Link>
            </Button>
          )}
          <CopyButton text={code} />
        </HStack>
      </HStack>
      <CodeView code={code} language={language} />
      {children}
    </Box>
  );
});
