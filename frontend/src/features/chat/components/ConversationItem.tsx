import { Box, HStack, Stack, Text } from "@chakra-ui/react";
import { Link } from "@tanstack/react-router";
import type { ConversationSummary } from "@/client";
import { formatRelativeTime } from "@/lib/format";
import { conversationTitle, plainPreview } from "../conversation-groups";
import { ConversationActions } from "./ConversationActions";

type ConversationItemProps = {
  conversation: ConversationSummary;
  now: number;
  onNavigate?: () => void;
  onRename: () => void;
  onDelete: () => void;
};

/** One conversation in the sidebar: a link named by its title, its time and last words, a menu. */
export function ConversationItem({
  conversation,
  now,
  onNavigate,
  onRename,
  onDelete,
}: ConversationItemProps) {
  const title = conversationTitle(conversation);
  const detailsId = `conversation-${conversation.id}-details`;
  const preview = plainPreview(conversation.last_message_preview);

  return (
    <Box
      as="li"
      position="relative"
      rounded="lg"
      className="group"
      _hover={{ bg: "bg.muted" }}
      css={{ "&:has([aria-current=page])": { bg: "brand.subtle" } }}
    >
      <Box asChild display="block" px="3" py="2" pe="9" rounded="lg" focusVisibleRing="inside">
        <Link
          to="/chat/$conversationId"
          params={{ conversationId: conversation.id }}
          aria-label={title}
          aria-describedby={detailsId}
          onClick={onNavigate}
        >
          <Stack gap="0.5">
            <Text
              textStyle="sm"
              fontWeight="medium"
              truncate
              color={conversation.title ? "fg" : "fg.muted"}
            >
              {title}
            </Text>
            <HStack id={detailsId} gap="1.5" textStyle="xs" color="fg.muted" minW="0">
              <Text flexShrink={0}>{formatRelativeTime(conversation.updated_at, now)}</Text>
              {preview && (
                <>
                  <Text aria-hidden>·</Text>
                  <Text truncate>{preview}</Text>
                </>
              )}
            </HStack>
          </Stack>
        </Link>
      </Box>
      <Box
        position="absolute"
        top="1.5"
        insetEnd="1.5"
        opacity={{ base: 1, md: 0 }}
        _groupHover={{ opacity: 1 }}
        _focusWithin={{ opacity: 1 }}
        css={{ ".group:has([aria-current=page]) &, &:has([data-state=open])": { opacity: 1 } }}
      >
        <ConversationActions title={title} onRename={onRename} onDelete={onDelete} />
      </Box>
    </Box>
  );
}
