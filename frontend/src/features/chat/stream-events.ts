import type { ExecutionPublic, MessagePublic } from "@/client";
import type { SseEvent } from "@/lib/sse";

// The reply stream's events (the backend documents them once, in conversations/streaming.py).
// Each SSE event is named after its type and carries JSON.

/**
 * A block whose fence closed, as stored in the library (id and version null if it was not kept);
 * with `fixed_from`, the automatic fix of a block whose run failed (its next version).
 */
export type CodeBlockEvent = {
  index: number;
  language: string | null;
  code: string;
  id: string | null;
  version: number | null;
  title: string | null;
  fixed_from?: string | null;
};
/** Which block (version) of the reply a run is about. */
export type ExecutionEvent = { code_block_id: string; index: number; version: number };
export type UsageEvent = {
  provider: string;
  model: string;
  input_tokens: number;
  output_tokens: number;
};

export type ChatStreamEvent =
  | { type: "message_start"; user_message: MessagePublic; assistant_message: MessagePublic }
  | { type: "delta"; text: string }
  | ({ type: "code_block" } & CodeBlockEvent)
  | ({ type: "execution_started" } & ExecutionEvent)
  | ({ type: "execution_result" } & ExecutionEvent & { execution: ExecutionPublic })
  | { type: "title"; title: string }
  | ({ type: "usage" } & UsageEvent)
  | { type: "done"; message: MessagePublic }
  | { type: "error"; error: string; detail: string; message: MessagePublic | null };

const KNOWN_TYPES = new Set<ChatStreamEvent["type"]>([
  "message_start",
  "delta",
  "code_block",
  "execution_started",
  "execution_result",
  "title",
  "usage",
  "done",
  "error",
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The typed event, or null for events this client does not know (a newer server may add some)
 * and for data that is not a JSON object.
 */
export function decodeChatEvent(event: SseEvent): ChatStreamEvent | null {
  if (!KNOWN_TYPES.has(event.event as ChatStreamEvent["type"])) return null;
  let data: unknown;
  try {
    data = JSON.parse(event.data);
  } catch {
    return null;
  }
  if (!isRecord(data)) return null;
  switch (event.event) {
    case "delta":
      return typeof data.text === "string" ? { type: "delta", text: data.text } : null;
    case "title":
      return typeof data.title === "string" ? { type: "title", title: data.title } : null;
    case "error":
      return {
        type: "error",
        error: typeof data.error === "string" ? data.error : "StreamFailed",
        detail: typeof data.detail === "string" ? data.detail : "The reply failed.",
        message: isRecord(data.message) ? (data.message as MessagePublic) : null,
      };
    case "execution_result":
      return isRecord(data.execution) ? ({ type: event.event, ...data } as ChatStreamEvent) : null;
    default:
      return { type: event.event, ...data } as ChatStreamEvent;
  }
}
