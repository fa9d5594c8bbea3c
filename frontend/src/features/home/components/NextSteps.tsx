import { Box, Button, Heading, HStack, Stack, Text } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import {
  LuArrowRight,
  LuLibrary,
  LuMessagesSquare,
  LuPalette,
  LuShieldCheck,
  LuUpload,
  LuUserRound,
} from "react-icons/lu";

type NextStepsProps = {
  isSuperuser: boolean;
  hasFullName: boolean;
};

export function NextSteps({ isSuperuser, hasFullName }: NextStepsProps) {
  return (
    <Stack gap="4" as="section" aria-labelledby="next-steps">
      <Heading as="h2" size="lg" id="next-steps">
        What comes next
      </Heading>
      <Box p="6" bg="bg" borderWidth="1px" rounded="xl">
        <Text color="fg.muted" maxW="3xl">
          Start with your data: upload a CSV file and Red Panda profiles it, so you see its columns,
          types, missing values and rows. Then open Chat, attach the file and ask about it; the
          built-in assistant answers without any key, and your own OpenAI, Anthropic or local model
          key can be added in Settings. Every code block of a reply is kept in your code library,
          where you can find it again, edit it, copy it or export it.
        </Text>
        <Stack mt="5" gap="3" direction={{ base: "column", md: "row" }}>
          <Button asChild colorPalette="brand">
            <Link to="/files">
              <HStack gap="2">
                <LuUpload aria-hidden />
                Upload a CSV file
                <LuArrowRight aria-hidden />
              </HStack>
            </Link>
          </Button>
          <Button asChild variant="outline">
            <Link to="/chat">
              <LuMessagesSquare aria-hidden />
              Ask about your data
            </Link>
          </Button>
          <Button asChild variant="outline">
            <Link to="/library">
              <LuLibrary aria-hidden />
              Open the code library
            </Link>
          </Button>
          <Button asChild variant="outline">
            <Link to="/settings" search={{ tab: "profile" }}>
              <LuUserRound aria-hidden />
              {hasFullName ? "Review your profile" : "Add your name"}
            </Link>
          </Button>
          <Button asChild variant="outline">
            <Link to="/settings" search={{ tab: "appearance" }}>
              <LuPalette aria-hidden />
              Choose light or dark mode
            </Link>
          </Button>
          {isSuperuser && (
            <Button asChild variant="outline">
              <Link to="/admin">
                <LuShieldCheck aria-hidden />
                Manage users
              </Link>
            </Button>
          )}
        </Stack>
      </Box>
    </Stack>
  );
}
