import { createFileRoute } from "@tanstack/react-router";
import {
  conversationQueryOptions,
  messagesQueryOptions,
  modelChoicesQueryOptions,
} from "@/features/chat/api";
import { ConversationView } from "@/features/chat/components/ConversationView";
import { conversationTitle } from "@/features/chat/conversation-groups";

export const Route = createFileRoute("/_layout/chat/$conversationId")({
  // Wait for the conversation (hovering its link already fetched it) so the tab can name it; a
  // missing conversation is not an error here: the page itself says so.
  loader: async ({ context, params }) => {
    const { queryClient } = context;
    void queryClient.prefetchQuery(messagesQueryOptions(params.conversationId));
    void queryClient.prefetchQuery(modelChoicesQueryOptions());
    const conversation = await queryClient
      .ensureQueryData(conversationQueryOptions(params.conversationId))
      .catch(() => null);
    return { title: conversation ? conversationTitle(conversation) : null };
  },
  head: ({ loaderData }) => ({
    meta: [{ title: `${loaderData?.title ?? "Chat"} · Red Panda` }],
  }),
  component: ConversationRoute,
});

function ConversationRoute() {
  const { conversationId } = Route.useParams();
  // A fresh view per conversation: its draft, scroll position and dialogs belong to it.
  return <ConversationView key={conversationId} conversationId={conversationId} />;
}
