import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import type { MessagePublic, MessagesPublic } from "@/client";
import { reportUnauthorized } from "@/lib/api-client";
import { getErrorMessage } from "@/lib/api-error";
import { getAccessToken } from "@/lib/auth-token";
import { createSseParser } from "@/lib/sse";
import { retryReplyUrl, streamReplyUrl } from "./api";
import { patchConversationTitle } from "./cache";
import { type ChatStreamEvent, decodeChatEvent } from "./stream-events";
import {
  applyEvent,
  type LiveReply,
  replyStore,
  type StreamRequest,
  startReply,
} from "./stream-store";
import { upsertMessages } from "./timeline";

// The only owner of reply streams: it POSTs with fetch, reads the body, parses the events (lib/sse)
// and keeps each reply's state in replyStore until the stored messages take over.

const CONNECTION_LOST =
  "The connection to the server was lost before the reply finished. What arrived is kept.";
const UNREACHABLE =
  "Could not reach the server. Check your connection and send the question again.";
// The server stores a stopped reply as it notices the closed connection: ask again a moment later.
const AFTER_STOP_REFRESH_MS = 800;

const controllers = new Map<string, AbortController>();

type EndReason = "finished" | "stopped" | "interrupted";

/** Hands the streamed messages to the query cache (the list's source of truth) and lets go. */
function settle(queryClient: QueryClient, reply: LiveReply, reason: EndReason) {
  const { conversationId, userMessage, request } = reply;
  let assistant = reply.assistantMessage;
  if (assistant?.status === "streaming" && reason !== "finished") {
    assistant =
      reason === "stopped"
        ? { ...assistant, status: "cancelled" }
        : { ...assistant, status: "error", error_kind: "ConnectionLost", error: CONNECTION_LOST };
  }
  const updates = [userMessage, assistant].filter((m): m is MessagePublic => m !== null);
  const messagesKey = ["conversations", conversationId, "messages"];
  queryClient.setQueryData<MessagesPublic>(messagesKey, (current) => {
    if (!current) return current;
    const removed = request.kind === "retry" && assistant ? request.messageId : null;
    const data = upsertMessages(current.data, updates, removed);
    return { data, count: data.length };
  });
  replyStore.remove(conversationId);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["conversations"] });
  if (reason === "stopped") window.setTimeout(refresh, AFTER_STOP_REFRESH_MS);
  else void refresh();
}

function fail(conversationId: string, failure: string) {
  replyStore.update(conversationId, (reply) => ({ ...reply, phase: "failed", failure }));
}

function requestFor(request: StreamRequest, conversationId: string) {
  if (request.kind === "retry") return { url: retryReplyUrl(conversationId, request.messageId) };
  const { content, apiKeyId, model } = request;
  const body: Record<string, string> = { content };
  if (apiKeyId) body.api_key_id = apiKeyId;
  if (model) body.model = model;
  return { url: streamReplyUrl(conversationId), body: JSON.stringify(body) };
}

async function readError(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => null);
  return getErrorMessage(body, `The question could not be sent (error ${response.status}).`);
}

async function runStream(queryClient: QueryClient, conversationId: string, request: StreamRequest) {
  controllers.get(conversationId)?.abort();
  const controller = new AbortController();
  controllers.set(conversationId, controller);
  replyStore.set(startReply(conversationId, request));
  // A newer stream for the same conversation takes over; this one must then leave its state alone.
  const current = () => controllers.get(conversationId) === controller;

  const onEvent = (event: ChatStreamEvent) => {
    if (!current()) return;
    if (event.type === "title") patchConversationTitle(queryClient, conversationId, event.title);
    replyStore.update(conversationId, (reply) => applyEvent(reply, event), event.type === "delta");
    const reply = replyStore.get(conversationId);
    if (reply && (event.type === "done" || event.type === "error")) {
      settle(queryClient, reply, "finished");
    }
  };

  const token = getAccessToken();
  const { url, body } = requestFor(request, conversationId);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        Accept: "text/event-stream",
        ...(body ? { "Content-Type": "application/json" } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body,
      signal: controller.signal,
    });
    if (!response.ok || !response.body) {
      if (response.status === 401 && token) reportUnauthorized();
      const failure = await readError(response);
      if (current()) fail(conversationId, failure);
      return;
    }
    const parser = createSseParser((event) => {
      const decoded = decodeChatEvent(event);
      if (decoded) onEvent(decoded);
    });
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      parser.feed(value);
    }
    parser.end();
    const reply = replyStore.get(conversationId);
    if (reply && current()) settle(queryClient, reply, "finished");
  } catch (error) {
    const reply = replyStore.get(conversationId);
    if (!reply || !current()) return;
    const stopped = controller.signal.aborted;
    if (reply.phase === "connecting" && !stopped)
      fail(conversationId, getErrorMessage(error, UNREACHABLE));
    else settle(queryClient, reply, stopped ? "stopped" : "interrupted");
  } finally {
    if (controllers.get(conversationId) === controller) controllers.delete(conversationId);
  }
}

export type SendQuestion = {
  conversationId: string;
  content: string;
  apiKeyId: string | null;
  model: string | null;
};

/** A conversation's reply stream: its live state, and the ways to start, stop or retry one. */
export function useChatStream(conversationId: string | null) {
  const queryClient = useQueryClient();
  const reply = useSyncExternalStore(replyStore.subscribe, () =>
    conversationId ? replyStore.get(conversationId) : null,
  );

  const send = useCallback(
    ({ conversationId: target, content, apiKeyId, model }: SendQuestion) =>
      void runStream(queryClient, target, { kind: "send", content, apiKeyId, model }),
    [queryClient],
  );

  const retry = useCallback(
    (messageId: string) => {
      if (conversationId) void runStream(queryClient, conversationId, { kind: "retry", messageId });
    },
    [queryClient, conversationId],
  );

  const stop = useCallback(() => {
    if (conversationId) controllers.get(conversationId)?.abort();
  }, [conversationId]);

  const dismissFailure = useCallback(() => {
    if (conversationId && replyStore.get(conversationId)?.phase === "failed") {
      replyStore.remove(conversationId);
    }
  }, [conversationId]);

  return {
    reply,
    streaming: reply !== null && reply.phase !== "failed",
    failure: reply?.phase === "failed" ? reply.failure : null,
    send,
    retry,
    stop,
    dismissFailure,
  };
}
