import type { CodeBlockPublic, MessagePublic } from "@/client";
import { withCodeBlock, withRun } from "./reply-blocks";
import type { ChatStreamEvent, UsageEvent } from "./stream-events";

// Replies being streamed, keyed by conversation id. The store lives outside React so a reply keeps
// streaming while its page changes (a new chat moves from /chat to /chat/$id) or the user looks at
// another conversation; useChatStream is its only writer.

export type StreamRequest =
  | { kind: "send"; content: string; apiKeyId: string | null; model: string | null }
  | { kind: "retry"; messageId: string };

export type LiveReply = {
  conversationId: string;
  request: StreamRequest;
  /** connecting: asked, nothing stored yet; streaming: both messages exist; failed: refused. */
  phase: "connecting" | "streaming" | "failed";
  userMessage: MessagePublic | null;
  assistantMessage: MessagePublic | null;
  /** The reply's blocks with their runs and fixes so far. */
  codeBlocks: CodeBlockPublic[];
  /** The block versions (ids) running now: started, no result yet. */
  running: string[];
  usage: UsageEvent | null;
  /** Why the server refused the question before storing anything (its own words). */
  failure: string | null;
};

export function startReply(conversationId: string, request: StreamRequest): LiveReply {
  return {
    conversationId,
    request,
    phase: "connecting",
    userMessage: null,
    assistantMessage: null,
    codeBlocks: [],
    running: [],
    usage: null,
    failure: null,
  };
}

/** The reply after one event; `title` changes the conversation, not the reply. */
export function applyEvent(reply: LiveReply, event: ChatStreamEvent): LiveReply {
  const assistant = reply.assistantMessage;
  switch (event.type) {
    case "message_start":
      return {
        ...reply,
        phase: "streaming",
        userMessage: event.user_message,
        assistantMessage: event.assistant_message,
      };
    case "delta":
      return assistant
        ? { ...reply, assistantMessage: { ...assistant, content: assistant.content + event.text } }
        : reply;
    case "code_block":
      return { ...reply, codeBlocks: withCodeBlock(reply.codeBlocks, event) };
    case "execution_started":
      return { ...reply, running: [...reply.running, event.code_block_id] };
    case "execution_result":
      return {
        ...reply,
        codeBlocks: withRun(reply.codeBlocks, event),
        running: reply.running.filter((id) => id !== event.code_block_id),
      };
    case "usage":
      return {
        ...reply,
        usage: event,
        assistantMessage: assistant && {
          ...assistant,
          provider: assistant.provider ?? (event.provider as MessagePublic["provider"]),
          model: assistant.model ?? event.model,
          input_tokens: event.input_tokens,
          output_tokens: event.output_tokens,
        },
      };
    case "done":
      return { ...reply, assistantMessage: event.message };
    case "error":
      return {
        ...reply,
        assistantMessage:
          event.message ??
          (assistant && {
            ...assistant,
            status: "error",
            error_kind: event.error,
            error: event.detail,
          }),
      };
    case "title":
      return reply;
  }
}

const replies = new Map<string, LiveReply>();
const listeners = new Set<() => void>();
let frame: number | null = null;

function emit() {
  if (frame !== null) {
    cancelAnimationFrame(frame);
    frame = null;
  }
  for (const listener of listeners) listener();
}

/** Tokens arrive faster than a screen refreshes: draw them at most once per frame. */
function emitNextFrame() {
  if (frame === null) {
    frame = requestAnimationFrame(() => {
      frame = null;
      emit();
    });
  }
}

export const replyStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },

  get: (conversationId: string): LiveReply | null => replies.get(conversationId) ?? null,

  set(reply: LiveReply, { nextFrame = false }: { nextFrame?: boolean } = {}) {
    replies.set(reply.conversationId, reply);
    if (nextFrame) emitNextFrame();
    else emit();
  },

  update(conversationId: string, change: (reply: LiveReply) => LiveReply, nextFrame = false) {
    const reply = replies.get(conversationId);
    if (reply) replyStore.set(change(reply), { nextFrame });
  },

  remove(conversationId: string) {
    if (replies.delete(conversationId)) emit();
  },
};
