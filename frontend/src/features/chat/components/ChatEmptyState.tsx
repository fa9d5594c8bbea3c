import { Box, Button, Circle, Heading, HStack, SimpleGrid, Stack, Text } from "@chakra-ui/react";
import type { ReactNode } from "react";
import { LuBot, LuMessageSquareText, LuPaperclip } from "react-icons/lu";
import { TextLink } from "@/components/TextLink";

export const SUGGESTIONS = [
  "Which region has the highest revenue?",
  "Give me an overview of this dataset",
  "Which columns have missing values?",
  "Show the top 10 products by sales",
];

type ChatEmptyStateProps = {
  /** At least one file is attached: the first step is done. */
  hasFiles: boolean;
  /** The user added a key of their own. */
  hasKeys: boolean;
  onChooseFile: () => void;
  onSuggestion: (text: string) => void;
};

function Step({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Stack gap="2" p="4" bg="bg" borderWidth="1px" rounded="xl">
      <HStack gap="2.5">
        <Circle size="8" bg="brand.subtle" color="brand.fg" flexShrink={0}>
          {icon}
        </Circle>
        <Text fontWeight="semibold">{title}</Text>
      </HStack>
      <Box textStyle="sm" color="fg.muted">
        {children}
      </Box>
    </Stack>
  );
}

/** What a new conversation says before the first question: how to start, with examples. */
export function ChatEmptyState({
  hasFiles,
  hasKeys,
  onChooseFile,
  onSuggestion,
}: ChatEmptyStateProps) {
  return (
    <Stack gap="8" py={{ base: "4", md: "10" }}>
      <Stack gap="2" textAlign="center" align="center">
        <Heading as="h2" size={{ base: "xl", md: "2xl" }} letterSpacing="tight">
          What do you want to know about your data?
        </Heading>
        <Text color="fg.muted" maxW="xl">
          Attach a CSV file and ask in plain language. The assistant writes pandas code for your
          question and explains what it found.
        </Text>
      </Stack>
      <SimpleGrid columns={{ base: 1, md: 3 }} gap="3">
        <Step
          icon={<LuPaperclip aria-hidden />}
          title={hasFiles ? "File attached" : "1. Attach a CSV"}
        >
          {hasFiles ? (
            "Ready. Attach more files with the paperclip if the question needs them."
          ) : (
            <Stack gap="2" align="flex-start">
              <Text>Pick one you uploaded, or upload one now.</Text>
              <Button size="xs" variant="outline" onClick={onChooseFile}>
                Choose a CSV file
              </Button>
            </Stack>
          )}
        </Step>
        <Step icon={<LuMessageSquareText aria-hidden />} title="2. Ask a question">
          For example “Which region has the highest revenue?” Enter sends, Shift+Enter adds a line.
        </Step>
        <Step icon={<LuBot aria-hidden />} title={hasKeys ? "3. Pick a model" : "3. No key needed"}>
          {hasKeys ? (
            "Choose one of your keys’ models, or the built-in assistant, in the Model picker."
          ) : (
            <>
              The built-in assistant works offline, without a key. For GPT or Claude, add a key in{" "}
              <TextLink to="/settings" search={{ tab: "api-keys" }}>
                Settings → API keys
              </TextLink>
              .
            </>
          )}
        </Step>
      </SimpleGrid>
      <Stack gap="2" align="center">
        <Text
          textStyle="xs"
          fontWeight="semibold"
          color="fg.subtle"
          textTransform="uppercase"
          letterSpacing="wider"
        >
          Try asking
        </Text>
        <HStack wrap="wrap" justify="center" gap="2">
          {SUGGESTIONS.map((suggestion) => (
            <Button
              key={suggestion}
              size="sm"
              variant="outline"
              rounded="full"
              fontWeight="normal"
              onClick={() => onSuggestion(suggestion)}
            >
              {suggestion}
            </Button>
          ))}
        </HStack>
      </Stack>
    </Stack>
  );
}
