import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  type ApiKeyCreate,
  type ApiKeyPublic,
  type ApiKeyUpdate,
  createApiKey,
  deleteApiKey,
  listApiKeys,
  readUsage,
  updateApiKey,
  validateApiKey,
} from "@/client";

// Query keys start with the resource: ["api-keys"] and ["usage"]. Key mutations refresh
// ["api-keys"] and ["llm", "models"] (the chat's model picker lists each key's models).

export const apiKeysQueryOptions = () =>
  queryOptions({
    queryKey: ["api-keys"],
    queryFn: async ({ signal }) => (await listApiKeys({ signal })).data,
  });

export const usageQueryOptions = () =>
  queryOptions({
    queryKey: ["usage"],
    queryFn: async ({ signal }) => (await readUsage({ signal })).data,
    // Every reply adds to it: look again each time the tab opens.
    staleTime: 0,
  });

function useRefreshKeys() {
  const queryClient = useQueryClient();
  return (saved?: ApiKeyPublic) => {
    if (saved) {
      queryClient.setQueryData(["api-keys"], (current: { data: ApiKeyPublic[] } | undefined) =>
        current
          ? { ...current, data: current.data.map((key) => (key.id === saved.id ? saved : key)) }
          : current,
      );
    }
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
      queryClient.invalidateQueries({ queryKey: ["llm", "models"] }),
    ]);
  };
}

/** Stores a key; the server checks it at once and answers with its status. */
export function useCreateApiKey() {
  const refresh = useRefreshKeys();
  return useMutation({
    mutationFn: async (body: ApiKeyCreate) => (await createApiKey({ body })).data,
    onSuccess: () => refresh(),
  });
}

/** Relabels, replaces (checked again), changes the default model, or makes a key the default. */
export function useUpdateApiKey() {
  const refresh = useRefreshKeys();
  return useMutation({
    mutationFn: async ({ apiKeyId, body }: { apiKeyId: string; body: ApiKeyUpdate }) =>
      (await updateApiKey({ path: { api_key_id: apiKeyId }, body })).data,
    onSuccess: (saved) => refresh(saved),
  });
}

/** Checks a key again with a real call that also lists its models. */
export function useValidateApiKey() {
  const refresh = useRefreshKeys();
  return useMutation({
    mutationFn: async (apiKeyId: string) =>
      (await validateApiKey({ path: { api_key_id: apiKeyId } })).data,
    onSuccess: (saved) => refresh(saved),
  });
}

export function useDeleteApiKey() {
  const refresh = useRefreshKeys();
  return useMutation({
    mutationFn: async (apiKeyId: string) => {
      await deleteApiKey({ path: { api_key_id: apiKeyId } });
    },
    onSuccess: () => refresh(),
  });
}
