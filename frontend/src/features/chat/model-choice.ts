import type { ModelChoice } from "@/client";
import { BUILTIN_MODEL } from "@/lib/providers";

/** What answers the next question: a key (null: the built-in assistant) and one of its models. */
export type ModelSelection = { apiKeyId: string | null; model: string };

export const BUILTIN_SELECTION: ModelSelection = { apiKeyId: null, model: BUILTIN_MODEL };

const SEPARATOR = "::";

/** The picker's option value: the key id (or "builtin") and the model, in one string. */
export function encodeSelection({ apiKeyId, model }: ModelSelection): string {
  return `${apiKeyId ?? BUILTIN_MODEL}${SEPARATOR}${model}`;
}

export function decodeSelection(value: string): ModelSelection {
  const at = value.indexOf(SEPARATOR);
  const key = value.slice(0, at);
  return {
    apiKeyId: key === BUILTIN_MODEL ? null : key,
    model: value.slice(at + SEPARATOR.length),
  };
}

function keySelection(choice: ModelChoice, preferred: string | null): ModelSelection | null {
  const model =
    (preferred && choice.models.includes(preferred) ? preferred : null) ??
    choice.default_model ??
    choice.models[0];
  return choice.api_key_id && model ? { apiKeyId: choice.api_key_id, model } : null;
}

type StoredChoice = { api_key_id: string | null; model: string | null };

/**
 * The picker's starting point: the conversation's own choice, else the user's default key (the
 * server lists it first, right after the built-in assistant) unless it is known to be invalid,
 * else the built-in assistant, which always works.
 */
export function initialSelection(
  choices: ModelChoice[],
  conversation: StoredChoice | null,
): ModelSelection {
  if (conversation?.api_key_id) {
    const own = choices.find((choice) => choice.api_key_id === conversation.api_key_id);
    const selection = own && keySelection(own, conversation.model);
    if (selection) return selection;
  }
  if (conversation?.model === BUILTIN_MODEL) return BUILTIN_SELECTION;
  const defaultKey = choices.find((choice) => choice.api_key_id !== null);
  if (defaultKey && defaultKey.status !== "invalid") {
    const selection = keySelection(defaultKey, null);
    if (selection) return selection;
  }
  return BUILTIN_SELECTION;
}

/** True when the selection still names something the picker offers (a key may have been deleted). */
export function isOffered(choices: ModelChoice[], selection: ModelSelection): boolean {
  return choices.some(
    (choice) =>
      (choice.api_key_id ?? null) === selection.apiKeyId && choice.models.includes(selection.model),
  );
}
