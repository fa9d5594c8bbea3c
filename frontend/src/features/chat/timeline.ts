import type { MessagePublic } from "@/client";
import type { LiveReply } from "./stream-store";

/**
 * A message as the list shows it; `live` while its reply is still arriving, `running` the ids of
 * its block versions the sandbox is running now.
 */
export type TimelineMessage = MessagePublic & { live: boolean; running: readonly string[] };

const NONE_RUNNING: readonly string[] = [];

// Stand-ins shown between pressing Send and the server's message_start.
export const PENDING_USER_ID = "pending-user";
export const PENDING_ASSISTANT_ID = "pending-assistant";

function placeholder(
  conversationId: string,
  id: string,
  role: MessagePublic["role"],
  content: string,
): MessagePublic {
  return {
    id,
    conversation_id: conversationId,
    role,
    content,
    status: role === "user" ? "complete" : "streaming",
    error_kind: null,
    error: null,
    provider: null,
    model: null,
    input_tokens: null,
    output_tokens: null,
    created_at: new Date().toISOString(),
    code_blocks: [],
  };
}

/**
 * The stored messages with the live reply laid over them: the stream's copies win over stored
 * ones (which lag behind), and a retried reply disappears while its replacement streams.
 */
export function mergeTimeline(stored: MessagePublic[], live: LiveReply | null): TimelineMessage[] {
  const timeline = stored.map((message) => ({ ...message, live: false, running: NONE_RUNNING }));
  if (!live || live.phase === "failed") return timeline;

  const hidden = new Set<string>();
  if (live.userMessage) hidden.add(live.userMessage.id);
  if (live.assistantMessage) hidden.add(live.assistantMessage.id);
  if (live.request.kind === "retry") hidden.add(live.request.messageId);
  const merged = timeline.filter((message) => !hidden.has(message.id));

  const { conversationId, request } = live;
  if (live.userMessage) merged.push({ ...live.userMessage, live: false, running: NONE_RUNNING });
  else if (request.kind === "send") {
    merged.push({
      ...placeholder(conversationId, PENDING_USER_ID, "user", request.content),
      live: false,
      running: NONE_RUNNING,
    });
  }
  // Before message_start, a retry answers the question already on screen, where it is.
  const assistant =
    live.assistantMessage ?? placeholder(conversationId, PENDING_ASSISTANT_ID, "assistant", "");
  // Blocks are announced (with their library ids) as their fences close, and their runs as they
  // finish, before the stored reply lists them.
  const codeBlocks = assistant.code_blocks.length > 0 ? assistant.code_blocks : live.codeBlocks;
  merged.push({ ...assistant, code_blocks: codeBlocks, live: true, running: live.running });
  return merged;
}

/** The stored list after a stream: its messages replace their older copies or join the end. */
export function upsertMessages(
  stored: MessagePublic[],
  updates: MessagePublic[],
  removedId: string | null = null,
): MessagePublic[] {
  const byId = new Map(updates.map((message) => [message.id, message]));
  const result = stored
    .filter((message) => message.id !== removedId || byId.has(message.id))
    .map((message) => {
      const update = byId.get(message.id);
      if (update) byId.delete(message.id);
      return update ?? message;
    });
  return [...result, ...byId.values()];
}
