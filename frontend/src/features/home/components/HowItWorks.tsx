import { Box, Heading, SimpleGrid, Stack, Text } from "@chakra-ui/react";
import type { IconType } from "react-icons";
import { LuKeyRound, LuLibrary, LuMessagesSquare, LuUpload } from "react-icons/lu";

type Step = { icon: IconType; title: string; text: string };

const STEPS: Step[] = [
  {
    icon: LuKeyRound,
    title: "Connect a model",
    text: "Bring your own OpenAI, Anthropic or OpenAI-compatible key, checked on entry and stored encrypted. No key yet? A built-in offline assistant covers the common analyses.",
  },
  {
    icon: LuUpload,
    title: "Upload a CSV",
    text: "Drop a file and Red Panda profiles it: columns, types, row count, missing values and a preview. Files are reusable across conversations.",
  },
  {
    icon: LuMessagesSquare,
    title: "Ask in plain language",
    text: "The answer streams in with its code. Python blocks run in an isolated sandbox on your data and show their tables, charts and errors right under the code.",
  },
  {
    icon: LuLibrary,
    title: "Reuse the code",
    text: "Search, tag and version every block, export it as a script or notebook, or run it on another file after a check that the columns it needs are there.",
  },
];

export function HowItWorks() {
  return (
    <Stack gap="4" as="section" aria-labelledby="how-it-works">
      <Heading as="h2" size="lg" id="how-it-works">
        How Red Panda works
      </Heading>
      <SimpleGrid columns={{ base: 1, sm: 2, xl: 4 }} gap="4">
        {STEPS.map((step, index) => (
          <Stack key={step.title} gap="3" p="5" bg="bg" borderWidth="1px" rounded="xl">
            <Box
              display="inline-flex"
              alignSelf="flex-start"
              p="2.5"
              rounded="lg"
              bg="brand.subtle"
              color="brand.fg"
            >
              <step.icon aria-hidden size="20" />
            </Box>
            <Text fontWeight="semibold">
              {index + 1}. {step.title}
            </Text>
            <Text textStyle="sm" color="fg.muted">
              {step.text}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
