import type { ApiKeyPublic } from "@/client";
import type { KeyStatus } from "@/components/layout/KeyStatusIndicator";
import { providerName } from "@/lib/providers";

/** The key new chats use: the one marked default (the server lists it first). */
export function defaultKey(keys: ApiKeyPublic[]): ApiKeyPublic | null {
  return keys.find((key) => key.is_default) ?? keys[0] ?? null;
}

/** "Work key" or, for a key labelled with its provider's name only, "OpenAI key". */
export function keyName(key: Pick<ApiKeyPublic, "label" | "provider">): string {
  const label = key.label.trim() || providerName(key.provider);
  return /\bkey\b/i.test(label) ? label : `${label} key`;
}

/** What the header's indicator says about the default key. */
export function keyStatusSummary(keys: ApiKeyPublic[]): KeyStatus {
  const key = defaultKey(keys);
  if (!key) return { tone: "builtin", summary: "Built-in assistant" };
  const name = keyName(key);
  switch (key.status) {
    case "valid":
      return { tone: "valid", summary: `${name} valid` };
    case "invalid":
      return { tone: "invalid", summary: `${name} invalid` };
    case "unchecked":
      return { tone: "unchecked", summary: `${name} not checked` };
  }
}

export const STATUS_LABELS: Record<ApiKeyPublic["status"], string> = {
  valid: "Valid",
  invalid: "Invalid",
  unchecked: "Unchecked",
};
