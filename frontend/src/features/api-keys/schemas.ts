import { z } from "zod";

export const PROVIDERS = [
  { value: "openai", label: "OpenAI", keyHint: "sk-…" },
  { value: "anthropic", label: "Anthropic", keyHint: "sk-ant-…" },
  {
    value: "openai_compatible",
    label: "OpenAI-compatible",
    keyHint: "Any value if the server needs none",
  },
] as const;

export type Provider = (typeof PROVIDERS)[number]["value"];

// Keys travel in an HTTP header: printable ASCII, no spaces (the server says the same).
const keySchema = z
  .string()
  .trim()
  .min(1, "Paste the key")
  .max(1000, "That is longer than any provider's key")
  .regex(/^[!-~]+$/, "Paste the key exactly, without spaces or line breaks");

const baseUrlSchema = z
  .string()
  .trim()
  .max(2048, "At most 2048 characters")
  .refine(
    (value) => /^https?:\/\/[^\s/]+/i.test(value),
    "Enter an address starting with http:// or https://",
  );

export const addKeySchema = z
  .object({
    provider: z.enum(["openai", "anthropic", "openai_compatible"]),
    label: z.string().trim().max(100, "At most 100 characters"),
    api_key: keySchema,
    base_url: z.string().trim(),
  })
  .superRefine((values, context) => {
    if (values.provider !== "openai_compatible") return;
    const result = baseUrlSchema.safeParse(values.base_url);
    if (!result.success) {
      context.addIssue({
        code: "custom",
        path: ["base_url"],
        message: values.base_url ? result.error.issues[0].message : "Enter the server's address",
      });
    }
  });
export type AddKeyValues = z.infer<typeof addKeySchema>;

export const replaceKeySchema = z.object({ api_key: keySchema });
export type ReplaceKeyValues = z.infer<typeof replaceKeySchema>;

/** Relabel a key, pick its default model; a compatible server's address can move too. */
export const editKeySchema = (compatible: boolean) =>
  z.object({
    label: z.string().trim().min(1, "Enter a label").max(100, "At most 100 characters"),
    base_url: compatible ? baseUrlSchema : z.string(),
    default_model: z.string(),
  });
export type EditKeyValues = { label: string; base_url: string; default_model: string };

export const BASE_URL_HINT =
  "The server's OpenAI-compatible address, e.g. http://localhost:11434/v1 (Ollama), http://localhost:8000/v1 (vLLM) or http://localhost:1234/v1 (LM Studio).";
