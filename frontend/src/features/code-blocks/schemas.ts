import { z } from "zod";

// The server normalises tags the same way and stays the authority; these rules catch what it
// would refuse before the request is sent.
export const MAX_TAGS = 20;
export const MAX_TAG_CHARS = 40;
export const MAX_CODE_CHARS = 100_000;
export const MAX_TITLE_CHARS = 200;
export const MAX_DESCRIPTION_CHARS = 2000;

export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Type a tag")
  .max(MAX_TAG_CHARS, `A tag can be at most ${MAX_TAG_CHARS} characters`);

/** The tags after adding one: lower-case, unique, in the order they were added. */
export function withTag(tags: string[], tag: string): string[] {
  const clean = tag.trim().toLowerCase();
  return tags.includes(clean) ? tags : [...tags, clean];
}

/** "sales, Monthly ,sales" -> ["sales", "monthly"] */
export function parseTagList(text: string): string[] {
  return text
    .split(",")
    .map((tag) => tag.trim().toLowerCase())
    .filter((tag, index, all) => tag && all.indexOf(tag) === index);
}

export const titleSchema = z
  .string()
  .trim()
  .min(1, "Give it a name")
  .max(MAX_TITLE_CHARS, `A name can be at most ${MAX_TITLE_CHARS} characters`);

export const descriptionSchema = z
  .string()
  .trim()
  .max(MAX_DESCRIPTION_CHARS, `A description can be at most ${MAX_DESCRIPTION_CHARS} characters`);

export const codeSchema = z
  .string()
  .refine((code) => code.trim().length > 0, "Paste or type some code")
  .refine(
    (code) => code.length <= MAX_CODE_CHARS,
    `Code can be at most ${MAX_CODE_CHARS.toLocaleString()} characters`,
  );

export const snippetSchema = z.object({
  code: codeSchema,
  // Empty: the server names and describes the snippet from its code.
  title: z.union([z.literal(""), titleSchema]),
  description: descriptionSchema,
  language: z.string(),
  tags: z
    .string()
    .refine((text) => parseTagList(text).length <= MAX_TAGS, `At most ${MAX_TAGS} tags`)
    .refine(
      (text) => parseTagList(text).every((tag) => tag.length <= MAX_TAG_CHARS),
      `A tag can be at most ${MAX_TAG_CHARS} characters`,
    ),
});
export type SnippetForm = z.infer<typeof snippetSchema>;
