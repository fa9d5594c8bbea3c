import { z } from "zod";

// The shapes of a run's `result` (backend app/execution/sandbox/results.py). The server caps every
// value; this only checks the shape so a newer or odd kind falls back to plain JSON text.

const cell = z.unknown();

const tableCommon = {
  index: z.array(cell).default([]),
  index_names: z.array(cell).default([]),
  truncated_rows: z.boolean().default(false),
  csv_too_large: z.boolean().default(false),
};

export const dataFrameResultSchema = z.object({
  kind: z.literal("dataframe"),
  shape: z.tuple([z.number(), z.number()]),
  columns: z.array(cell),
  dtypes: z.array(z.string()),
  rows: z.array(z.array(cell)),
  truncated_columns: z.boolean().default(false),
  ...tableCommon,
});

export const seriesResultSchema = z.object({
  kind: z.literal("series"),
  name: cell,
  dtype: z.string(),
  length: z.number(),
  values: z.array(cell),
  ...tableCommon,
});

const resultSchema = z.discriminatedUnion("kind", [
  dataFrameResultSchema,
  seriesResultSchema,
  z.object({ kind: z.literal("scalar"), type: z.string().default(""), value: cell }),
  z.object({ kind: z.literal("json"), value: cell }),
  z.object({ kind: z.literal("text"), text: z.string(), truncated: z.boolean().default(false) }),
  z.object({ kind: z.literal("figure") }),
  z.object({ kind: z.literal("none") }),
]);

export type DataFrameResult = z.infer<typeof dataFrameResultSchema>;
export type SeriesResult = z.infer<typeof seriesResultSchema>;
export type ResultValue = z.infer<typeof resultSchema> | { kind: "unknown"; raw: unknown };

/** The run's `result` with its kind checked; null when the run left none. */
export function parseResult(raw: unknown): ResultValue | null {
  if (raw === null || raw === undefined) return null;
  const parsed = resultSchema.safeParse(raw);
  return parsed.success ? parsed.data : { kind: "unknown", raw };
}

/** A cell as text: null stays visible as "null", objects as compact JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
