import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  deleteUserMe,
  type UpdatePassword,
  type UserPublic,
  type UserUpdateMe,
  updatePasswordMe,
  updateUserMe,
} from "@/client";
import { setAccessToken } from "@/lib/auth-token";

// Every mutation here changes the signed-in user, so it refreshes the "users" key root
// (["users", "me"] and any admin list showing this user).

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UserUpdateMe) => (await updateUserMe({ body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

/**
 * Turns running the chat's Python blocks automatically on or off. The switch moves at once; a
 * refusal puts it back.
 */
export function useUpdateAutoRun() {
  const queryClient = useQueryClient();
  const key = ["users", "me"];
  return useMutation({
    mutationFn: async (autoRun: boolean) =>
      (await updateUserMe({ body: { settings: { auto_run: autoRun } } })).data,
    onMutate: async (autoRun) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<UserPublic>(key);
      if (previous) {
        queryClient.setQueryData<UserPublic>(key, {
          ...previous,
          settings: { ...previous.settings, auto_run: autoRun },
        });
      }
      return { previous };
    },
    onError: (_error, _autoRun, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

export function useUpdatePassword() {
  return useMutation({
    mutationFn: async (body: UpdatePassword) => (await updatePasswordMe({ body })).data,
    // Tokens issued before the change stop working; the answer carries a fresh one.
    onSuccess: (token) => setAccessToken(token.access_token),
  });
}

export function useDeleteMe() {
  return useMutation({
    mutationFn: async () => {
      await deleteUserMe();
    },
  });
}
