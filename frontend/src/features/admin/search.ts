import { z } from "zod";

/** The admin page's URL state: /admin?page=2&q=ada */
export const adminSearchSchema = z.object({
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  q: z.string().trim().max(255).optional().catch(undefined),
});
export type AdminSearch = z.infer<typeof adminSearchSchema>;
