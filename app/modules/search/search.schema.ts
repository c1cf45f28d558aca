import { z } from "zod";

/** `/szukaj?q=…&przestrzen=<workspace id>&page=N` — anything malformed falls back to a default. */
export const searchQuerySchema = z.object({
  q: z
    .string()
    .transform((s) => s.trim().slice(0, 200))
    .catch(""),
  przestrzen: z
    .string()
    .trim()
    .max(64)
    .transform((s) => s || null)
    .nullable()
    .catch(null)
    .default(null),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** The search page's address (what the header search box submits to). */
export function searchUrl(params: { q?: string; workspaceId?: string | null } = {}): string {
  const search = new URLSearchParams();
  if (params.q) search.set("q", params.q);
  if (params.workspaceId) search.set("przestrzen", params.workspaceId);
  const qs = search.toString();
  return qs ? `/szukaj?${qs}` : "/szukaj";
}
