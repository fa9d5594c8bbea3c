import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  loginAccessToken,
  type NewPassword,
  readUserMe,
  recoverPassword,
  registerUser,
  resetPassword,
  type UserRegister,
} from "@/client";
import { setAccessToken } from "@/lib/auth-token";

export const currentUserQueryOptions = () =>
  queryOptions({
    queryKey: ["users", "me"],
    queryFn: async ({ signal }) => (await readUserMe({ signal })).data,
  });

export type LoginCredentials = { email: string; password: string };

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ email, password }: LoginCredentials) =>
      (await loginAccessToken({ body: { username: email, password } })).data,
    onSuccess: (token) => {
      setAccessToken(token.access_token);
      // Whatever was cached belonged to the previous session.
      queryClient.removeQueries({ queryKey: ["users"] });
    },
  });
}

export function useSignup() {
  return useMutation({
    mutationFn: async (body: UserRegister) => (await registerUser({ body })).data,
  });
}

export function useRecoverPassword() {
  return useMutation({
    mutationFn: async (email: string) => (await recoverPassword({ path: { email } })).data,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: async (body: NewPassword) => (await resetPassword({ body })).data,
  });
}
