import { Button, Heading, HStack, IconButton, Skeleton, Text } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import { LuLibrary, LuPanelLeft, LuSquarePen } from "react-icons/lu";

type ChatHeaderProps = {
  /** Null while the conversation loads. */
  title: string | null;
  /** The open conversation, whose code blocks the library can list; null for a new chat. */
  conversationId: string | null;
  onOpenConversations: () => void;
  onNewChat: () => void;
};

/** The conversation's title; on small screens also the way to the conversation list. */
export function ChatHeader({
  title,
  conversationId,
  onOpenConversations,
  onNewChat,
}: ChatHeaderProps) {
  return (
    <HStack h="12" px={{ base: "2", md: "4" }} gap="2" borderBottomWidth="1px" flexShrink={0}>
      <IconButton
        display={{ base: "inline-flex", lg: "none" }}
        variant="ghost"
        size="sm"
        aria-label="Show conversations"
        onClick={onOpenConversations}
      >
        <LuPanelLeft />
      </IconButton>
      {title === null ? (
        <Skeleton h="5" w="48" />
      ) : (
        <Heading as="h1" size="sm" fontWeight="semibold" truncate flex="1" title={title}>
          {title}
        </Heading>
      )}
      {conversationId && (
        <Button asChild size="sm" variant="ghost" ms="auto" flexShrink={0}>
          <Link
            to="/library"
            search={{ conversation: conversationId }}
            aria-label="Code from this chat in the library"
            title="This chat's code blocks in the library"
          >
            <LuLibrary aria-hidden />
            <Text as="span" display={{ base: "none", sm: "inline" }}>
              Code
            </Text>
          </Link>
        </Button>
      )}
      <IconButton
        display={{ base: "inline-flex", lg: "none" }}
        ms={conversationId ? undefined : "auto"}
        variant="ghost"
        size="sm"
        aria-label="New chat"
        onClick={onNewChat}
      >
        <LuSquarePen />
      </IconButton>
    </HStack>
  );
}
