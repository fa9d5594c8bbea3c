import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  deleteUserMe,
  type UpdatePassword,
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
