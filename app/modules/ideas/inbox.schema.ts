// The ideas inbox (Skrzynka pomysłów): its filters and sorts as URL parameters, the statuses and
// categories, and the addresses of the inbox pages. Pure (Zod only): the loader, the exports and
// the page build on the same parsing. A value that does not parse is ignored (as if it was not
// there), never an error page.
import { z } from "zod";

export const IDEA_STATUSES = ["NEW", "IN_ANALYSIS", "ACCEPTED", "REJECTED"] as const;
export type IdeaStatusValue = (typeof IDEA_STATUSES)[number];

export const IDEA_CATEGORIES = ["SOCIAL", "ECONOMIC", "INFRASTRUCTURE", "CULTURE_TOURISM", "EDUCATION", "ENVIRONMENT", "OTHER"] as const;
export type IdeaCategoryValue = (typeof IDEA_CATEGORIES)[number];

export const INBOX_SORTS = ["newest", "oldest", "score"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

export const INBOX_PAGE_SIZE = 25;

/** "Nobody is responsible yet" in the assignee filter. */
export const UNASSIGNED = "none";

export type InboxFilters = {
  intake: string | null;
  status: IdeaStatusValue | null;
  category: IdeaCategoryValue | null;
  tag: string | null;
  /** A user id or UNASSIGNED. */
  assignee: string | null;
  /** Words in the title or description. */
  q: string | null;
};

export type InboxQuery = InboxFilters & { sort: InboxSort; page: number };

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

const schema = z.object({
  intake: id.nullable().catch(null),
  status: z.enum(IDEA_STATUSES).nullable().catch(null),
  category: z.enum(IDEA_CATEGORIES).nullable().catch(null),
  tag: z.string().trim().min(1).max(40).nullable().catch(null),
  assignee: id.nullable().catch(null),
  q: z
    .string()
    .trim()
    .max(200)
    .nullable()
    .catch(null)
    .transform((v) => (v ? v.replace(/\s+/g, " ") : null)),
  sort: z.enum(INBOX_SORTS).catch("newest"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** The inbox query from URL parameters (Polish names in the address: nabor, status, kategoria, …). */
export function parseInboxQuery(params: URLSearchParams): InboxQuery {
  const v = schema.parse({
    intake: params.get("nabor") || null,
    status: params.get("status") || null,
    category: params.get("kategoria") || null,
    tag: params.get("tag") || null,
    assignee: params.get("osoba") || null,
    q: params.get("q") || null,
    sort: params.get("sort") ?? undefined,
    page: params.get("page") ?? undefined,
  });
  return { ...v, q: v.q || null };
}

export function hasInboxFilters(f: InboxFilters): boolean {
  return !!(f.intake || f.status || f.category || f.tag || f.assignee || f.q);
}

/** The query as URL parameters, without defaults (links that keep the filters, the export links). */
export function inboxParams(q: Partial<InboxQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (q.intake) params.set("nabor", q.intake);
  if (q.status) params.set("status", q.status);
  if (q.category) params.set("kategoria", q.category);
  if (q.tag) params.set("tag", q.tag);
  if (q.assignee) params.set("osoba", q.assignee);
  if (q.q) params.set("q", q.q);
  if (q.sort && q.sort !== "newest") params.set("sort", q.sort);
  if (q.page && q.page > 1) params.set("page", String(q.page));
  return params;
}

/** Only the filters (for the export and the summary). */
export function inboxFiltersOf(q: InboxFilters): InboxFilters {
  return { intake: q.intake, status: q.status, category: q.category, tag: q.tag, assignee: q.assignee, q: q.q };
}

const withQuery = (path: string, params?: URLSearchParams) => {
  const qs = params?.toString();
  return qs ? `${path}?${qs}` : path;
};

/** Every address of the inbox in one place (links, redirects, notifications, the task description). */
export const ideaUrls = {
  inbox: (params?: URLSearchParams) => withQuery("/pomysly/skrzynka", params),
  idea: (ideaId: string) => `/pomysly/${encodeURIComponent(ideaId)}`,
  summary: (params?: URLSearchParams) => withQuery("/pomysly/podsumowanie", params),
  /** The intake periods (managed in _app.pomysly.nabory.tsx). */
  intakes: () => "/pomysly/nabory",
  csv: (params?: URLSearchParams) => withQuery("/pomysly/eksport.csv", params),
  xlsx: (params?: URLSearchParams) => withQuery("/pomysly/eksport.xlsx", params),
};

/** Allowed status moves: Nowy → W analizie → Przyjęty | Odrzucony, and reopening to W analizie. */
export const IDEA_TRANSITIONS: Record<IdeaStatusValue, IdeaStatusValue[]> = {
  // An obvious non-idea (spam, an insult) may be rejected at once, with its public reason.
  NEW: ["IN_ANALYSIS", "REJECTED"],
  IN_ANALYSIS: ["ACCEPTED", "REJECTED"],
  ACCEPTED: ["IN_ANALYSIS"],
  REJECTED: ["IN_ANALYSIS"],
};

export const ACCEPTED_FOR = ["STRATEGY", "PROJECT"] as const;
export type AcceptedFor = (typeof ACCEPTED_FOR)[number];

export function canMoveIdea(from: IdeaStatusValue, to: IdeaStatusValue): boolean {
  return IDEA_TRANSITIONS[from].includes(to);
}
