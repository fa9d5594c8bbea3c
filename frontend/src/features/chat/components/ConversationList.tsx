import { Button, Center, Skeleton, Stack, Text } from "@chakra-ui/react";
import type { ConversationSummary } from "@/client";
import { FormAlert } from "@/components/form/FormAlert";
import { getErrorMessage } from "@/lib/api-error";
import { useNow } from "@/lib/use-now";
import { groupByRecency } from "../conversation-groups";
import { ConversationItem } from "./ConversationItem";

type ConversationListProps = {
  conversations: ConversationSummary[] | undefined;
  q: string;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onNavigate?: () => void;
  onRename: (conversation: ConversationSummary) => void;
  onDelete: (conversation: ConversationSummary) => void;
};

/** The sidebar's conversations, newest first, grouped by day. */
export function ConversationList({
  conversations,
  q,
  error,
  hasMore,
  loadingMore,
  onLoadMore,
  onNavigate,
  onRename,
  onDelete,
}: ConversationListProps) {
  const now = useNow(60_000);

  if (!conversations) {
    if (error) return <FormAlert message={getErrorMessage(error)} />;
    return (
      <Stack gap="2" px="1" aria-busy="true" aria-label="Loading conversations">
        {[0, 1, 2, 3].map((row) => (
          <Skeleton key={row} h="12" rounded="lg" />
        ))}
      </Stack>
    );
  }
  if (conversations.length === 0) {
    return (
      <Center px="4" py="8">
        <Text textStyle="sm" color="fg.muted" textAlign="center">
          {q
            ? `No conversation matches “${q}”.`
            : "No conversations yet. Your chats will be listed here."}
        </Text>
      </Center>
    );
  }

  return (
    <Stack gap="4">
      {groupByRecency(conversations, now).map((group) => (
        <Stack key={group.label} gap="0.5">
          <Text px="3" pb="1" textStyle="xs" fontWeight="semibold" color="fg.subtle">
            {group.label}
          </Text>
          <Stack as="ul" gap="0.5" listStyleType="none" aria-label={group.label}>
            {group.conversations.map((conversation) => (
              <ConversationItem
                key={conversation.id}
                conversation={conversation}
                now={now}
                onNavigate={onNavigate}
                onRename={() => onRename(conversation)}
                onDelete={() => onDelete(conversation)}
              />
            ))}
          </Stack>
        </Stack>
      ))}
      {hasMore && (
        <Button size="sm" variant="ghost" onClick={onLoadMore} loading={loadingMore}>
          Show more conversations
        </Button>
      )}
    </Stack>
  );
}
