import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { modelChoicesQueryOptions } from "./api";
import {
  BUILTIN_SELECTION,
  initialSelection,
  isOffered,
  type ModelSelection,
} from "./model-choice";

type StoredChoice = { api_key_id: string | null; model: string | null };

/**
 * The model picker's state: what the person picked, else what the conversation (or their default
 * key) says. A pick that is no longer offered (its key was deleted) falls back the same way.
 */
export function useModelSelection(
  conversation: StoredChoice | null,
  onChosen?: (selection: ModelSelection) => void,
) {
  const choices = useQuery(modelChoicesQueryOptions());
  const [picked, setPicked] = useState<ModelSelection | null>(null);
  const list = choices.data?.data ?? null;

  let selection = BUILTIN_SELECTION;
  if (list) {
    selection = picked && isOffered(list, picked) ? picked : initialSelection(list, conversation);
  }

  const choose = (next: ModelSelection) => {
    setPicked(next);
    onChosen?.(next);
  };

  return {
    choices: list,
    selection,
    choose,
    /** The user has a key of their own (the built-in assistant is always the first choice). */
    hasKeys: (list?.length ?? 0) > 1,
  };
}
