import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type {
  ConversationDetail,
  ConversationsPublic,
  ExecutionPublic,
  MessagesPublic,
} from "@/client";
import { withRun } from "./reply-blocks";

// Writes to the cached conversations that do not need a request: the answer of a mutation, a
// title announced by the reply stream, or the runs of a block run from its Run button.

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

/** Adds runs of a reply's block (or its fix) under that block, where the reply shows them. */
export function addReplyRuns(
  queryClient: QueryClient,
  conversationId: string,
  messageId: string,
  runs: ExecutionPublic[],
) {
  queryClient.setQueryData<MessagesPublic>(
    ["conversations", conversationId, "messages"],
    (current) =>
      current && {
        ...current,
        data: current.data.map((message) =>
          message.id !== messageId
            ? message
            : {
                ...message,
                code_blocks: runs.reduce(
                  (blocks, run) =>
                    withRun(blocks, {
                      code_block_id: run.code_block_id,
                      index: -1,
                      version: run.version,
                      execution: run,
                    }),
                  message.code_blocks,
                ),
              },
        ),
      },
  );
}
