import { useQuery } from "@tanstack/react-query";
import type { ApiKeyPublic } from "@/client";
import { apiKeysQueryOptions } from "./api";

/** The freshest copy of a key: the list's (updated by every mutation), else the one given. */
export function useCurrentKey(apiKey: ApiKeyPublic | null): ApiKeyPublic | null {
  const keys = useQuery({ ...apiKeysQueryOptions(), enabled: apiKey !== null });
  if (!apiKey) return null;
  return keys.data?.data.find((key) => key.id === apiKey.id) ?? apiKey;
}
