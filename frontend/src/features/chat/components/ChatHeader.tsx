import { Heading, HStack, IconButton, Skeleton } from "@chakra-ui/react";
import { LuPanelLeft, LuSquarePen } from "react-icons/lu";

type ChatHeaderProps = {
  /** Null while the conversation loads. */
  title: string | null;
  onOpenConversations: () => void;
  onNewChat: () => void;
};

/** The conversation's title; on small screens also the way to the conversation list. */
export function ChatHeader({ title, onOpenConversations, onNewChat }: ChatHeaderProps) {
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
      <IconButton
        display={{ base: "inline-flex", lg: "none" }}
        ms="auto"
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
