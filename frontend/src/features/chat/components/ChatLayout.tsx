import { Box, CloseButton, Drawer, Flex, Portal } from "@chakra-ui/react";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { conversationQueryOptions } from "../api";
import { conversationTitle } from "../conversation-groups";
import { ChatHeader } from "./ChatHeader";
import { ConversationSidebar } from "./ConversationSidebar";

type ChatLayoutProps = {
  /** The open conversation; null on the new-chat page. */
  conversationId: string | null;
  onNewChat: () => void;
  onDeleted: (conversationId: string) => void | Promise<void>;
  children: ReactNode;
};

/**
 * The chat page: the conversation list beside the conversation (a drawer on small screens), the
 * conversation's title above it. Fills the space under the app header.
 */
export function ChatLayout({ conversationId, onNewChat, onDeleted, children }: ChatLayoutProps) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const conversation = useQuery({
    ...conversationQueryOptions(conversationId ?? ""),
    enabled: conversationId !== null,
  });
  const title =
    conversationId === null
      ? "New chat"
      : conversation.data
        ? conversationTitle(conversation.data)
        : conversation.isError
          ? "Conversation not found"
          : null;
  const newChat = () => {
    setDrawerOpen(false);
    onNewChat();
  };

  return (
    <Flex h="calc(100dvh - var(--chakra-sizes-14))" minH="0" bg="bg">
      <Box
        as="aside"
        aria-label="Chat history"
        display={{ base: "none", lg: "block" }}
        w="72"
        flexShrink={0}
        borderEndWidth="1px"
        bg="bg.subtle"
      >
        <ConversationSidebar onNewChat={newChat} onDeleted={onDeleted} />
      </Box>
      <Drawer.Root
        open={drawerOpen}
        onOpenChange={(details) => setDrawerOpen(details.open)}
        placement="start"
        lazyMount
        unmountOnExit
      >
        <Portal>
          <Drawer.Backdrop />
          <Drawer.Positioner>
            <Drawer.Content maxW="80">
              <Drawer.Title srOnly>Conversations</Drawer.Title>
              <Drawer.Body p="0" pt="10">
                <ConversationSidebar
                  onNewChat={newChat}
                  onNavigate={() => setDrawerOpen(false)}
                  onDeleted={onDeleted}
                />
              </Drawer.Body>
              <Drawer.CloseTrigger asChild>
                <CloseButton size="sm" aria-label="Close conversations" />
              </Drawer.CloseTrigger>
            </Drawer.Content>
          </Drawer.Positioner>
        </Portal>
      </Drawer.Root>
      <Flex as="section" aria-label="Conversation" direction="column" flex="1" minW="0" minH="0">
        <ChatHeader
          title={title}
          conversationId={conversation.data ? conversationId : null}
          onOpenConversations={() => setDrawerOpen(true)}
          onNewChat={newChat}
        />
        {children}
      </Flex>
    </Flex>
  );
}
