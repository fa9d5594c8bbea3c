import { z } from "zod";

export const FILE_SORT_FIELDS = ["uploaded_at", "filename", "size_bytes"] as const;
export type FileSortField = (typeof FILE_SORT_FIELDS)[number];
export type SortOrder = "asc" | "desc";

/** The order a column sorts in when it is first chosen: newest, A to Z, largest. */
export const DEFAULT_ORDER: Record<FileSortField, SortOrder> = {
  uploaded_at: "desc",
  filename: "asc",
  size_bytes: "desc",
};

/** The files page's URL state: /files?page=2&q=sales&sort=filename&order=asc */
export const filesSearchSchema = z.object({
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  q: z.string().trim().max(255).optional().catch(undefined),
  sort: z.enum(FILE_SORT_FIELDS).optional().catch(undefined),
  order: z.enum(["asc", "desc"]).optional().catch(undefined),
});
export type FilesSearch = z.infer<typeof filesSearchSchema>;

export const FILE_TABS = ["columns", "preview"] as const;
export type FileTab = (typeof FILE_TABS)[number];

export const PREVIEW_PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PREVIEW_PAGE_SIZE = 50;

/** A file's page: /files/<id>?tab=preview&page=3&size=100 */
export const fileDetailSearchSchema = z.object({
  tab: z.enum(FILE_TABS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  size: z.coerce
    .number()
    .refine((value) => (PREVIEW_PAGE_SIZES as readonly number[]).includes(value))
    .optional()
    .catch(undefined),
});
export type FileDetailSearch = z.infer<typeof fileDetailSearchSchema>;

/** The page, at a new page size, that still shows the first row the reader was looking at. */
export function pageKeepingFirstRow(page: number, pageSize: number, newPageSize: number) {
  const next = Math.floor(((page - 1) * pageSize) / newPageSize) + 1;
  return next === 1 ? undefined : next;
}
