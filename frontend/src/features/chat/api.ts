import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import {
  attachFile,
  type ConversationCreate,
  createConversation,
  deleteConversation,
  detachFile,
  downloadExecutionCsv,
  type ExecutionPublic,
  type FileDetail,
  listConversations,
  listFiles,
  listMessages,
  listModelChoices,
  type MessagePublic,
  type MessagesPublic,
  readConversation,
  readFile,
  readUserMe,
  runCodeBlock,
  updateConversation,
} from "@/client";
import { client } from "@/client/client.gen";
import type { ApiErrorBody } from "@/lib/api-error";
import { filenameFromContentDisposition, saveBlob } from "@/lib/save-file";
import { type UploadProgress, uploadRequest } from "@/lib/upload-request";
import { isUuid } from "@/lib/validation";
import { addReplyRuns, storeConversation } from "./cache";

// Query keys start with the resource: ["conversations", "list", {q}], ["conversations", id],
// ["conversations", id, "messages"]. Conversation mutations refresh the "conversations" root.

const CONVERSATIONS_PAGE_SIZE = 30;
const MESSAGES_PAGE_SIZE = 500;
const FILE_CHOICES_LIMIT = 50;

export const conversationsListQueryOptions = (q: string) =>
  infiniteQueryOptions({
    queryKey: ["conversations", "list", { q }],
    queryFn: async ({ pageParam, signal }) =>
      (
        await listConversations({
          query: { skip: pageParam, limit: CONVERSATIONS_PAGE_SIZE, q: q || undefined },
          signal,
        })
      ).data,
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((total, page) => total + page.data.length, 0);
      return loaded < last.count ? loaded : undefined;
    },
    // Keep the list on screen while a search result loads.
    placeholderData: keepPreviousData,
  });

const NOT_FOUND: ApiErrorBody = {
  error: "ConversationNotFound",
  detail: "This conversation does not exist or was deleted.",
};

export const conversationQueryOptions = (conversationId: string) =>
  queryOptions({
    queryKey: ["conversations", conversationId],
    queryFn: async ({ signal }) => {
      if (!isUuid(conversationId)) throw NOT_FOUND;
      return (await readConversation({ path: { conversation_id: conversationId }, signal })).data;
    },
    retryOnMount: false,
  });

/** Every message, oldest first: a conversation is read whole, page after page. */
export const messagesQueryOptions = (conversationId: string) =>
  queryOptions({
    queryKey: ["conversations", conversationId, "messages"],
    queryFn: async ({ signal }): Promise<MessagesPublic> => {
      if (!isUuid(conversationId)) throw NOT_FOUND;
      const messages: MessagePublic[] = [];
      let count = 0;
      do {
        const page = (
          await listMessages({
            path: { conversation_id: conversationId },
            query: { skip: messages.length, limit: MESSAGES_PAGE_SIZE },
            signal,
          })
        ).data;
        count = page.count;
        messages.push(...page.data);
        if (page.data.length === 0) break;
      } while (messages.length < count);
      return { data: messages, count };
    },
    retryOnMount: false,
  });

export const modelChoicesQueryOptions = () =>
  queryOptions({
    queryKey: ["llm", "models"],
    queryFn: async ({ signal }) => (await listModelChoices({ signal })).data,
  });

/** The user's files for the attach chooser, newest first (the same key shape as the Files page). */
export const fileChoicesQueryOptions = (q: string) => {
  const query = {
    skip: 0,
    limit: FILE_CHOICES_LIMIT,
    sort: "uploaded_at" as const,
    order: "desc" as const,
    q: q || undefined,
  };
  return queryOptions({
    queryKey: ["files", "list", query],
    queryFn: async ({ signal }) => (await listFiles({ query, signal })).data,
    placeholderData: keepPreviousData,
  });
};

/**
 * Files named by id (a draft from the code library), in that order; ones deleted since, or not
 * the user's, are left out rather than failing the rest.
 */
export const filesByIdQueryOptions = (fileIds: string[]) =>
  queryOptions({
    queryKey: ["files", "by-id", fileIds],
    queryFn: async ({ signal }) => {
      const files = await Promise.all(
        fileIds.map((fileId) =>
          readFile({ path: { file_id: fileId }, signal }).then(
            (response) => response.data,
            () => null,
          ),
        ),
      );
      return files.filter((file): file is FileDetail => file !== null);
    },
    enabled: fileIds.length > 0,
  });

/** The signed-in user (the same key as the session's), for settings such as auto-run. */
export const meQueryOptions = () =>
  queryOptions({
    queryKey: ["users", "me"],
    queryFn: async ({ signal }) => (await readUserMe({ signal })).data,
  });

type RunVariables = { versionId: string; fileIds: string[]; messageId: string };

/**
 * Runs a reply's block (or its fix) on the conversation's files together, from its Run button; the
 * run is kept with the reply and joins the block's others under it. The library's run counts
 * change too.
 */
export function useRunReplyBlock(conversationId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      versionId,
      fileIds,
      messageId,
    }: RunVariables): Promise<ExecutionPublic[]> =>
      (
        await runCodeBlock({
          path: { code_block_id: versionId },
          body: { file_ids: fileIds, message_id: messageId },
        })
      ).data.data,
    onSuccess: (runs, { messageId }) => {
      if (conversationId) addReplyRuns(queryClient, conversationId, messageId, runs);
      return queryClient.invalidateQueries({ queryKey: ["code-blocks"] });
    },
  });
}

/** Saves a run's whole table result as CSV, under the name the server gives it. */
export async function downloadRunCsv(runId: string): Promise<void> {
  const { data, response } = await downloadExecutionCsv({
    path: { execution_id: runId },
    parseAs: "blob",
  });
  // Asked for as a blob, whatever type the schema gives the body.
  const body = data as Blob | string;
  const blob = body instanceof Blob ? body : new Blob([body]);
  saveBlob(
    blob,
    filenameFromContentDisposition(response.headers.get("Content-Disposition")) ?? "result.csv",
  );
}

/** Where a question is posted; the answer is an event stream read by useChatStream. */
export function streamReplyUrl(conversationId: string): string {
  return client.buildUrl({
    url: "/api/v1/conversations/{conversation_id}/messages",
    path: { conversation_id: conversationId },
  });
}

export function retryReplyUrl(conversationId: string, messageId: string): string {
  return client.buildUrl({
    url: "/api/v1/conversations/{conversation_id}/messages/{message_id}/retry",
    path: { conversation_id: conversationId, message_id: messageId },
  });
}

export function useCreateConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ConversationCreate) => (await createConversation({ body })).data,
    onSuccess: (conversation) => {
      storeConversation(queryClient, conversation);
      // A brand-new conversation has no messages: no need to ask.
      queryClient.setQueryData<MessagesPublic>(["conversations", conversation.id, "messages"], {
        data: [],
        count: 0,
      });
      // Not awaited: the first question should not wait for the sidebar to refresh.
      void queryClient.invalidateQueries({ queryKey: ["conversations", "list"] });
    },
  });
}

export function useRenameConversation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ conversationId, title }: { conversationId: string; title: string }) =>
      (await updateConversation({ path: { conversation_id: conversationId }, body: { title } }))
        .data,
    onSuccess: (saved) => {
      storeConversation(queryClient, saved);
      return queryClient.invalidateQueries({ queryKey: ["conversations", "list"] });
    },
  });
}

/** Saves the model picked for a conversation, so the next question (and the next visit) uses it. */
export function useChooseModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      conversationId,
      apiKeyId,
      model,
    }: {
      conversationId: string;
      apiKeyId: string | null;
      model: string;
    }) =>
      (
        await updateConversation({
          path: { conversation_id: conversationId },
          body: { api_key_id: apiKeyId, model },
        })
      ).data,
    onSuccess: (saved) => storeConversation(queryClient, saved),
  });
}

type DeleteConversationOptions = {
  /** Runs before the cache forgets the conversation, e.g. to leave its page first. */
  onDeleted?: (conversationId: string) => void | Promise<void>;
};

export function useDeleteConversation({ onDeleted }: DeleteConversationOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (conversationId: string) => {
      await deleteConversation({ path: { conversation_id: conversationId } });
    },
    onSuccess: async (_data, conversationId) => {
      await onDeleted?.(conversationId);
      queryClient.removeQueries({ queryKey: ["conversations", conversationId] });
      await queryClient.invalidateQueries({ queryKey: ["conversations", "list"] });
    },
  });
}

export function useAttachFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ conversationId, fileId }: { conversationId: string; fileId: string }) =>
      (await attachFile({ path: { conversation_id: conversationId, file_id: fileId } })).data,
    onSuccess: (saved) => storeConversation(queryClient, saved),
  });
}

export function useDetachFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ conversationId, fileId }: { conversationId: string; fileId: string }) =>
      (await detachFile({ path: { conversation_id: conversationId, file_id: fileId } })).data,
    onSuccess: (saved) => storeConversation(queryClient, saved),
  });
}

type UploadOptions = {
  onProgress: (progress: UploadProgress) => void;
  signal: AbortSignal;
};

/** Uploads a CSV from the chat's file chooser; the Files page lists it like any other upload. */
export function useUploadFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress, signal }: UploadOptions & { file: File }) => {
      const body = new FormData();
      body.append("file", file, file.name);
      return uploadRequest<FileDetail>({
        url: client.buildUrl({ url: "/api/v1/files/" }),
        body,
        onProgress,
        signal,
      });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(["files", saved.id], saved);
      return queryClient.invalidateQueries({ queryKey: ["files"] });
    },
  });
}
