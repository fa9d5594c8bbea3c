// How LLM providers are named on screen, wherever a key, a model choice or a reply mentions one.

export type ProviderId = "openai" | "anthropic" | "openai_compatible" | "builtin";

const PROVIDER_NAMES: Record<ProviderId, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  openai_compatible: "OpenAI-compatible",
  builtin: "Built-in assistant",
};

/** The offline assistant's model id: it needs no key and no network. */
export const BUILTIN_MODEL = "builtin";
export const BUILTIN_LABEL = "Built-in assistant (offline)";

export function providerName(provider: string | null | undefined): string {
  if (!provider) return "Assistant";
  return PROVIDER_NAMES[provider as ProviderId] ?? provider;
}

/** "OpenAI · gpt-4o-mini", or the built-in assistant's own label. */
export function providerModelLabel(
  provider: string | null | undefined,
  model: string | null | undefined,
): string {
  if (provider === "builtin" || model === BUILTIN_MODEL) return BUILTIN_LABEL;
  if (!model) return providerName(provider);
  return `${providerName(provider)} · ${model}`;
}
