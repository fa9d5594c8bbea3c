import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import {
  createUser,
  deleteUser,
  listUsers,
  type UserCreate,
  type UserUpdate,
  updateUser,
} from "@/client";

export const USERS_PAGE_SIZE = 10;

export type UsersListParams = { page: number; q: string };

export const usersListQueryOptions = ({ page, q }: UsersListParams) => {
  const query = { skip: (page - 1) * USERS_PAGE_SIZE, limit: USERS_PAGE_SIZE, q: q || undefined };
  return queryOptions({
    queryKey: ["users", "list", query],
    queryFn: async ({ signal }) => (await listUsers({ query, signal })).data,
    // Keep the current page on screen while the next page or search result loads.
    placeholderData: keepPreviousData,
  });
};

// Mutations refresh the "users" key root: the list pages and, if an admin edits themself, ["users", "me"].

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: UserCreate) => (await createUser({ body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, body }: { userId: string; body: UserUpdate }) =>
      (await updateUser({ path: { user_id: userId }, body })).data,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (userId: string) => {
      await deleteUser({ path: { user_id: userId } });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users"] }),
  });
}
