import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { ConversationDetail, ConversationsPublic } from "@/client";

// Writes to the cached conversations that do not need a request: the answer of a mutation, or a
// title announced by the reply stream.

type ConversationsPages = InfiniteData<ConversationsPublic, number>;

/** Puts a conversation's new state in its cached detail (the page and the chat header read it). */
export function storeConversation(queryClient: QueryClient, conversation: ConversationDetail) {
  queryClient.setQueryData(["conversations", conversation.id], conversation);
}

/** Renames a conversation in the cached lists at once, e.g. when the stream announces its title. */
export function patchConversationTitle(
  queryClient: QueryClient,
  conversationId: string,
  title: string,
) {
  queryClient.setQueryData<ConversationDetail>(["conversations", conversationId], (current) =>
    current ? { ...current, title } : current,
  );
  queryClient.setQueriesData<ConversationsPages>(
    { queryKey: ["conversations", "list"] },
    (current) =>
      current && {
        ...current,
        pages: current.pages.map((page) => ({
          ...page,
          data: page.data.map((item) => (item.id === conversationId ? { ...item, title } : item)),
        })),
      },
  );
}
