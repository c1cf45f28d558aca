// Reading a team's tasks for the list, the CSV export and the trash. Callers have authorised the
// team (requireTeam); every query here is scoped to that team. A page costs a fixed number of SQL
// statements whatever the number of tasks (tests/integration/tasks-list.test.ts counts them), and
// each filter is backed by an index of Task (teamId + deletedAt + status / dueAt / assigneeId) or
// TaskLabel (label, taskId).
import type { Prisma } from "~/generated/prisma/client";
import { pageArgs, pageInfo, type PageInfo } from "~/modules/admin/pagination";
import { db } from "~/utils/db.server";
import { addDays, warsawInstant } from "./deadline";
import { PRIORITY_ORDER, TASKS_PAGE_SIZE, UNASSIGNED, type TaskFilters, type TaskListQuery, type TaskSort, type SortDir } from "./task-list";

/** The `where` of the team's live tasks matching the filters. */
export function taskFilterWhere(teamId: string, f: TaskFilters, now: Date): Prisma.TaskWhereInput {
  const and: Prisma.TaskWhereInput[] = [];
  const where: Prisma.TaskWhereInput = { teamId, deletedAt: null };
  if (f.assignee === UNASSIGNED) where.assigneeId = null;
  else if (f.assignee) where.assigneeId = f.assignee;
  if (f.statuses.length) where.status = { in: f.statuses };
  if (f.label) where.labels = { some: { label: f.label } };
  // Due range in Warsaw days: from the first instant of `from` to the last instant of `to`.
  if (f.from) and.push({ dueAt: { gte: warsawInstant(f.from) } });
  if (f.to) and.push({ dueAt: { lt: warsawInstant(addDays(f.to, 1)) } });
  if (f.overdue) and.push({ dueAt: { lt: now }, status: { not: "DONE" } });
  if (and.length) where.AND = and;
  return where;
}

const byDue = (dir: SortDir): Prisma.TaskOrderByWithRelationInput[] => [{ dueAt: { sort: dir, nulls: "last" } }, { number: "asc" }];

function orderFor(sort: Exclude<TaskSort, "priority">, dir: SortDir): Prisma.TaskOrderByWithRelationInput[] {
  switch (sort) {
    case "due":
      return byDue(dir);
    case "number":
      return [{ number: dir }];
    case "updated":
      return [{ updatedAt: dir }, { number: "desc" }];
  }
}

export const taskRowSelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  blockedReason: true,
  priority: true,
  dueAt: true,
  dueDate: true,
  dueHasTime: true,
  updatedAt: true,
  assignee: { select: { id: true, name: true } },
  labels: { select: { label: true }, orderBy: { label: "asc" } },
  _count: { select: { helpers: true } },
} as const satisfies Prisma.TaskSelect;

export type TaskRow = Prisma.TaskGetPayload<{ select: typeof taskRowSelect }>;

/**
 * One page of the list. Sorting by priority needs the enum's meaning (URGENT before HIGH …), which
 * SQL's text order does not give: one grouped count per priority, then each priority's slice of
 * the page (always all four, so the statement count stays fixed), then the rows themselves.
 */
export async function listTeamTasks(teamId: string, query: TaskListQuery, now = new Date()): Promise<{ rows: TaskRow[]; page: PageInfo }> {
  const where = taskFilterWhere(teamId, query, now);
  if (query.sort !== "priority") {
    const [total, rows] = await Promise.all([
      db.task.count({ where }),
      db.task.findMany({ where, orderBy: orderFor(query.sort, query.dir), ...pageArgs(query.page, TASKS_PAGE_SIZE), select: taskRowSelect }),
    ]);
    return { rows, page: pageInfo(query.page, total, TASKS_PAGE_SIZE) };
  }
  const groups = await db.task.groupBy({ by: ["priority"], where, _count: { _all: true } });
  const counts = new Map(groups.map((g) => [g.priority, g._count._all]));
  const total = groups.reduce((sum, g) => sum + g._count._all, 0);
  const order = query.dir === "desc" ? PRIORITY_ORDER : [...PRIORITY_ORDER].reverse();
  let { skip, take } = pageArgs(query.page, TASKS_PAGE_SIZE);
  const slices = order.map((priority) => {
    const n = counts.get(priority) ?? 0;
    if (skip >= n) {
      skip -= n;
      return { priority, skip: 0, take: 0 };
    }
    const part = { priority, skip, take: Math.min(n - skip, take) };
    take -= part.take;
    skip = 0;
    return part;
  });
  const idLists = await Promise.all(
    // `take: 0` would skip the statement; one spare row keeps the count fixed and is dropped.
    slices.map((s) =>
      db.task
        .findMany({ where: { ...where, priority: s.priority }, orderBy: byDue("asc"), skip: s.skip, take: Math.max(1, s.take), select: { id: true } })
        .then((rows) => rows.slice(0, s.take).map((r) => r.id)),
    ),
  );
  const ids = idLists.flat();
  const rows = await db.task.findMany({ where: { id: { in: ids } }, select: taskRowSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: ids.map((id) => byId.get(id)).filter((r): r is TaskRow => !!r), page: pageInfo(query.page, total, TASKS_PAGE_SIZE) };
}

/** Bound on the labels offered in the filter (a team uses a handful). */
export const LABEL_OPTIONS_LIMIT = 200;

/** What the filters offer: the team's members (assignee) and the labels in use. Two statements. */
export async function taskFilterOptions(teamId: string) {
  const [members, labels] = await Promise.all([
    teamMembers(teamId),
    db.taskLabel.findMany({
      where: { task: { teamId, deletedAt: null } },
      distinct: ["label"],
      orderBy: { label: "asc" },
      take: LABEL_OPTIONS_LIMIT,
      select: { label: true },
    }),
  ]);
  return { members, labels: labels.map((l) => l.label) };
}

/** The team's active members (who can be assigned, helped or mentioned), leads first, then by name. */
export async function teamMembers(teamId: string) {
  const rows = await db.teamMember.findMany({
    where: { teamId, user: { deactivatedAt: null } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    select: { role: true, user: { select: { id: true, name: true, institution: { select: { shortName: true } } } } },
  });
  return rows.map((r) => ({ id: r.user.id, name: r.user.name, role: r.role, institutionShortName: r.user.institution?.shortName ?? null }));
}

export type TeamMemberOption = Awaited<ReturnType<typeof teamMembers>>[number];

// ——— CSV ———

const csvSelect = {
  ...taskRowSelect,
  description: true,
  createdAt: true,
  completedAt: true,
  helpers: { select: { user: { select: { name: true } } } },
  checklist: { select: { done: true } },
} as const satisfies Prisma.TaskSelect;

export type TaskCsvRow = Prisma.TaskGetPayload<{ select: typeof csvSelect }>;

/** Every matching task, by number, in batches (constant memory whatever the team's size). */
export async function* iterateTeamTasks(teamId: string, filters: TaskFilters, now = new Date(), batchSize = 500): AsyncGenerator<TaskCsvRow[]> {
  const where = taskFilterWhere(teamId, filters, now);
  let after = 0;
  for (;;) {
    const rows = await db.task.findMany({ where: { ...where, number: { gt: after } }, orderBy: { number: "asc" }, take: batchSize, select: csvSelect });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].number;
  }
}

// ——— Trash ———

export const TRASH_PAGE_SIZE = 50;

/** The team's tasks in the trash, most recently deleted first. */
export async function listTrashedTasks(teamId: string, page: number) {
  const where: Prisma.TaskWhereInput = { teamId, deletedAt: { not: null } };
  const [total, rows] = await Promise.all([
    db.task.count({ where }),
    db.task.findMany({
      where,
      orderBy: [{ deletedAt: "desc" }, { number: "desc" }],
      ...pageArgs(page, TRASH_PAGE_SIZE),
      select: { id: true, number: true, title: true, status: true, deletedAt: true, deletedById: true, assignee: { select: { name: true } } },
    }),
  ]);
  // Who deleted: one lookup for the page (deletedById is a plain column).
  const deleterIds = [...new Set(rows.map((r) => r.deletedById).filter((v): v is string => !!v))];
  const deleters = await db.user.findMany({ where: { id: { in: deleterIds } }, select: { id: true, name: true } });
  const names = new Map(deleters.map((u) => [u.id, u.name]));
  return {
    rows: rows.map(({ deletedById, ...r }) => ({ ...r, deletedAt: r.deletedAt as Date, deletedBy: deletedById ? (names.get(deletedById) ?? null) : null })),
    page: pageInfo(page, total, TRASH_PAGE_SIZE),
  };
}

/** A task of this team that is in the trash (for the restore message), or null. */
export async function trashedTask(teamId: string, taskId: string) {
  return db.task.findFirst({ where: { id: taskId, teamId, deletedAt: { not: null } }, select: { number: true, title: true } });
}
