import { Box, Button, Text } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";

export type KeyStatusTone = "valid" | "unchecked" | "invalid" | "builtin";

/** What the header says about the LLM key chats use by default. */
export type KeyStatus = {
  tone: KeyStatusTone;
  /** Short, e.g. "OpenAI key valid" or "Built-in assistant". */
  summary: string;
};

const DOT_COLORS: Record<KeyStatusTone, string> = {
  valid: "green.500",
  unchecked: "orange.400",
  invalid: "red.500",
  builtin: "gray.400",
};

/** A dot coloured by the default key's status; it opens Settings → API keys. */
export function KeyStatusIndicator({ status }: { status: KeyStatus }) {
  return (
    <Button
      asChild
      variant="ghost"
      size="sm"
      px="2"
      gap="2"
      color={status.tone === "invalid" ? "fg.error" : "fg.muted"}
      fontWeight="medium"
    >
      <Link
        to="/settings"
        search={{ tab: "api-keys" }}
        aria-label={`API key status: ${status.summary}`}
        title={`${status.summary}. Manage your keys in Settings.`}
      >
        <Box boxSize="2.5" rounded="full" bg={DOT_COLORS[status.tone]} flexShrink={0} />
        <Text as="span" display={{ base: "none", md: "inline" }} textStyle="sm" maxW="56" truncate>
          {status.summary}
        </Text>
      </Link>
    </Button>
  );
}
