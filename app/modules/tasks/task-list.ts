// The team's task list: its filters and sorts as URL parameters. Pure (Zod only): the loader and
// the CSV export parse them, the page builds its links from them. A value that does not parse is
// ignored (as if it was not there), never an error page.
import { z } from "zod";
import { isIsoDate } from "./deadline";
import { TASK_PRIORITIES, TASK_STATUSES } from "./tasks.schema";

export type TaskStatusValue = (typeof TASK_STATUSES)[number];
export type TaskPriorityValue = (typeof TASK_PRIORITIES)[number];

export const TASK_SORTS = ["due", "priority", "number", "updated"] as const;
export type TaskSort = (typeof TASK_SORTS)[number];
export type SortDir = "asc" | "desc";

/** The natural direction of each sort: nearest deadline, most urgent, newest number, latest change. */
export const DEFAULT_DIR: Record<TaskSort, SortDir> = { due: "asc", priority: "desc", number: "desc", updated: "desc" };

export const TASKS_PAGE_SIZE = 50;

/** "Nobody is responsible yet" in the assignee filter. */
export const UNASSIGNED = "none";

export type TaskFilters = {
  assignee: string | null;
  statuses: TaskStatusValue[];
  label: string | null;
  from: string | null;
  to: string | null;
  overdue: boolean;
};

export type TaskListQuery = TaskFilters & { sort: TaskSort; dir: SortDir; page: number };

const id = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const day = z.string().trim().refine(isIsoDate);

const schema = z.object({
  assignee: id.nullable().catch(null),
  status: z
    .string()
    .nullable()
    .catch(null)
    .transform((v) => [...new Set((v ?? "").split(",").map((s) => s.trim()))].filter((s): s is TaskStatusValue => (TASK_STATUSES as readonly string[]).includes(s))),
  label: z.string().trim().min(1).max(40).nullable().catch(null),
  from: day.nullable().catch(null),
  to: day.nullable().catch(null),
  overdue: z
    .string()
    .nullable()
    .catch(null)
    .transform((v) => v === "1" || v === "on" || v === "true"),
  sort: z.enum(TASK_SORTS).catch("due"),
  dir: z.enum(["asc", "desc"]).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** The list's query from URL parameters (`status` may repeat or be comma-separated). */
export function parseTaskListQuery(params: URLSearchParams): TaskListQuery {
  const raw = {
    assignee: params.get("assignee") || null,
    status: params.getAll("status").join(",") || null,
    label: params.get("label") || null,
    from: params.get("from") || null,
    to: params.get("to") || null,
    overdue: params.get("overdue"),
    sort: params.get("sort") ?? undefined,
    dir: params.get("dir") || null,
    page: params.get("page") ?? undefined,
  };
  const v = schema.parse(raw);
  // A range typed the wrong way round is still the range the person meant.
  const [from, to] = v.from && v.to && v.from > v.to ? [v.to, v.from] : [v.from, v.to];
  return {
    assignee: v.assignee,
    statuses: v.status,
    label: v.label,
    from,
    to,
    overdue: v.overdue,
    sort: v.sort,
    dir: v.dir ?? DEFAULT_DIR[v.sort],
    page: v.page,
  };
}

export function hasTaskFilters(f: TaskFilters): boolean {
  return !!(f.assignee || f.statuses.length || f.label || f.from || f.to || f.overdue);
}

/** The query as URL parameters, without defaults (for links that keep the filters). */
export function taskListParams(q: Partial<TaskListQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (q.assignee) params.set("assignee", q.assignee);
  if (q.statuses?.length) params.set("status", q.statuses.join(","));
  if (q.label) params.set("label", q.label);
  if (q.from) params.set("from", q.from);
  if (q.to) params.set("to", q.to);
  if (q.overdue) params.set("overdue", "1");
  if (q.sort && q.sort !== "due") params.set("sort", q.sort);
  if (q.sort && q.dir && q.dir !== DEFAULT_DIR[q.sort]) params.set("dir", q.dir);
  if (q.page && q.page > 1) params.set("page", String(q.page));
  return params;
}

/** Order of the priorities from the most urgent. */
export const PRIORITY_ORDER: TaskPriorityValue[] = ["URGENT", "HIGH", "NORMAL", "LOW"];
