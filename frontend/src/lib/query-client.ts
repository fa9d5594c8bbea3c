import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "./api-error";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // An answer from the server ({error, detail}) will not change on retry; a network hiccup might.
        retry: (failureCount, error) => !isApiError(error) && failureCount < 2,
      },
      mutations: {
        retry: false,
      },
    },
  });
}
