import { createFileRoute, useRouterState } from "@tanstack/react-router";
import { modelChoicesQueryOptions } from "@/features/chat/api";
import { NewChat } from "@/features/chat/components/NewChat";

export const Route = createFileRoute("/_layout/chat/")({
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(modelChoicesQueryOptions());
  },
  head: () => ({ meta: [{ title: "New chat · Red Panda" }] }),
  component: NewChatRoute,
});

function NewChatRoute() {
  const navigate = Route.useNavigate();
  // Each visit (also "New chat" pressed while already here) starts from a clean composer.
  const visit = useRouterState({ select: (state) => state.location.state.__TSR_key });

  return (
    <NewChat
      key={visit}
      onStarted={(conversationId) =>
        navigate({ to: "/chat/$conversationId", params: { conversationId } })
      }
    />
  );
}
