import { Box, Button, Heading, HStack, Stack, Text } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import { LuArrowRight, LuPalette, LuShieldCheck, LuUserRound } from "react-icons/lu";

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
          Your account is set up. Chat, file uploads and the code library arrive in the next
          releases of Red Panda, and this page will become their starting point: your recent
          conversations, files and most reused code. Until then, make the workspace yours.
        </Text>
        <Stack mt="5" gap="3" direction={{ base: "column", md: "row" }}>
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
            <Button asChild colorPalette="brand">
              <Link to="/admin">
                <HStack gap="2">
                  <LuShieldCheck aria-hidden />
                  Manage users
                  <LuArrowRight aria-hidden />
                </HStack>
              </Link>
            </Button>
          )}
        </Stack>
      </Box>
    </Stack>
  );
}
