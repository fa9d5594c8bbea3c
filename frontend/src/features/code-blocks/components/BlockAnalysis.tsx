import { Alert, Box, Code, HStack, Stack, Text } from "@chakra-ui/react";
import type { CodeBlockDetail } from "@/client";
import { languageName } from "@/lib/code-languages";
import { AsideSection } from "./AsideSection";

function NameList({ label, names }: { label: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <Stack gap="1.5">
      <Text as="dt" textStyle="xs" color="fg.muted" fontWeight="medium">
        {label}
      </Text>
      <HStack as="dd" gap="1.5" wrap="wrap">
        {names.map((name) => (
          <Code key={name} size="sm" variant="surface" wordBreak="break-all">
            {name}
          </Code>
        ))}
      </HStack>
    </Stack>
  );
}

/** What reading the code found: what it imports, defines, creates and which columns it uses. */
export function BlockAnalysis({ block }: { block: CodeBlockDetail }) {
  if (block.language !== "python") {
    return (
      <AsideSection title="What the code uses">
        <Text textStyle="sm" color="fg.muted">
          {block.language
            ? `Only Python is analysed; this block is ${languageName(block.language)}.`
            : "Only Python is analysed, and this code was not recognised as Python."}
        </Text>
      </AsideSection>
    );
  }
  if (block.syntax_error) {
    return (
      <AsideSection title="What the code uses">
        <Alert.Root status="warning" size="sm">
          <Alert.Indicator />
          <Alert.Content>
            <Alert.Title>Python cannot read this code</Alert.Title>
            <Alert.Description>{block.syntax_error}</Alert.Description>
          </Alert.Content>
        </Alert.Root>
      </AsideSection>
    );
  }
  const found = [
    { label: "Columns", names: block.columns_referenced },
    { label: "Imports", names: block.imports },
    { label: "Functions", names: block.functions_defined },
    { label: "Classes", names: block.classes_defined },
    { label: "Variables", names: block.variables_created },
  ];
  return (
    <AsideSection title="What the code uses">
      {found.every((item) => item.names.length === 0) ? (
        <Text textStyle="sm" color="fg.muted">
          No imports, definitions or columns found.
        </Text>
      ) : (
        <Box as="dl" display="flex" flexDirection="column" gap="3">
          {found.map((item) => (
            <NameList key={item.label} label={item.label} names={item.names} />
          ))}
        </Box>
      )}
    </AsideSection>
  );
}
