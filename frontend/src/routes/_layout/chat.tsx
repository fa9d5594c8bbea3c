import { createFileRoute, Outlet, useParams } from "@tanstack/react-router";
import { ChatLayout } from "@/features/chat/components/ChatLayout";

export const Route = createFileRoute("/_layout/chat")({
  // The chat fills the window under the header instead of sitting in the page column.
  staticData: { fullBleed: true },
  head: () => ({ meta: [{ title: "Chat · Red Panda" }] }),
  component: ChatRoute,
});

function ChatRoute() {
  const { conversationId } = useParams({ strict: false });
  const navigate = Route.useNavigate();

  return (
    <ChatLayout
      conversationId={conversationId ?? null}
      onNewChat={() => navigate({ to: "/chat" })}
      onDeleted={async (deletedId) => {
        if (deletedId === conversationId) await navigate({ to: "/chat", replace: true });
      }}
    >
      <Outlet />
    </ChatLayout>
  );
}
