// Moje zadania: the actor's open tasks across every team they can see, ordered by deadline and
// grouped Przeterminowane / Dziś / Ten tydzień / Później / Bez terminu (deadline.ts decides the
// group in Europe/Warsaw). Paginated (a page follows the deadline order, so groups continue on
// the next page) and a fixed number of queries. `now` comes from the caller (tests fix it).
import type { Prisma } from "~/generated/prisma/client";
import type { TaskPriority, TaskStatus, TeamRole, TeamStatus } from "~/generated/prisma/enums";
import { pageArgs, pageInfo, type PageInfo } from "~/modules/admin/pagination";
import type { Actor } from "~/modules/auth/actor";
import { visibleTasksWhere } from "~/modules/teams/access.server";
import { canTask } from "~/modules/teams/team.policy";
import { db } from "~/utils/db.server";
import { dueBucket, isOverdue, type DueBucket } from "./deadline";
import { BUCKETS, DONE_RECENT_DAYS, DONE_RECENT_MAX, MY_TASKS_PAGE, type MyTasksQuery } from "./my-tasks";

export type MyTask = {
  id: string;
  number: number;
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  team: { id: string; name: string };
  dueAt: Date | null;
  dueDate: string | null;
  dueHasTime: boolean;
  overdue: boolean;
  blockedReason: string | null;
  version: number;
  /** Helping rather than responsible. */
  helping: boolean;
  canChangeStatus: boolean;
  completedAt: Date | null;
};

export type MyTasks = {
  groups: { bucket: DueBucket; tasks: MyTask[] }[];
  page: PageInfo;
  done: MyTask[] | null;
  query: { helper: boolean; done: boolean };
};

/** My part in a task: the assignee, or (with the toggle) also a helper. */
export function myPartWhere(actor: Actor, withHelper: boolean): Prisma.TaskWhereInput {
  return withHelper ? { OR: [{ assigneeId: actor.id }, { helpers: { some: { userId: actor.id } } }] } : { assigneeId: actor.id };
}

function select(actor: Actor) {
  return {
    id: true,
    number: true,
    title: true,
    status: true,
    priority: true,
    assigneeId: true,
    dueAt: true,
    dueDate: true,
    dueHasTime: true,
    blockedReason: true,
    version: true,
    completedAt: true,
    team: { select: { id: true, name: true, status: true, members: { where: { userId: actor.id }, select: { role: true } } } },
    helpers: { where: { userId: actor.id }, select: { id: true } },
  } satisfies Prisma.TaskSelect;
}

type Row = Prisma.TaskGetPayload<{ select: ReturnType<typeof select> }>;

function toTask(actor: Actor, r: Row, now: Date): MyTask {
  const people = { isAssignee: r.assigneeId === actor.id, isHelper: r.helpers.length > 0 };
  // The team is visible (the query is scoped), so a non-member here sees it as a coordinator.
  const access = {
    role: (r.team.members[0]?.role as TeamRole | undefined) ?? null,
    coordinator: actor.institutionRole === "COORDINATOR" && !!actor.institutionId,
    status: r.team.status as TeamStatus,
  };
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    status: r.status,
    priority: r.priority,
    team: { id: r.team.id, name: r.team.name },
    dueAt: r.dueAt,
    dueDate: r.dueDate,
    dueHasTime: r.dueHasTime,
    overdue: isOverdue(r, now),
    blockedReason: r.blockedReason,
    version: r.version,
    helping: !people.isAssignee && people.isHelper,
    canChangeStatus: canTask(actor, "changeStatus", access, people),
    completedAt: r.completedAt,
  };
}

export async function loadMyTasks(actor: Actor, query: MyTasksQuery, now: Date): Promise<MyTasks> {
  const mine: Prisma.TaskWhereInput = { AND: [visibleTasksWhere(actor), myPartWhere(actor, query.pomagam)] };
  // Closed teams' leftovers do not belong on a to-do list.
  const open: Prisma.TaskWhereInput = { AND: [mine, { status: { not: "DONE" } }, { team: { status: { notIn: ["DONE", "DISSOLVED"] } } }] };
  const since = new Date(now.getTime() - DONE_RECENT_DAYS * 86_400_000);
  const [total, rows, doneRows] = await Promise.all([
    db.task.count({ where: open }),
    db.task.findMany({
      where: open,
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      ...pageArgs(query.page, MY_TASKS_PAGE),
      select: select(actor),
    }),
    query.zrobione
      ? db.task.findMany({
          where: { AND: [mine, { status: "DONE" }, { completedAt: { gte: since } }] },
          orderBy: [{ completedAt: "desc" }, { id: "asc" }],
          take: DONE_RECENT_MAX,
          select: select(actor),
        })
      : Promise.resolve(null),
  ]);
  const groups = BUCKETS.map((bucket) => ({ bucket, tasks: [] as MyTask[] }));
  for (const r of rows) {
    const bucket = dueBucket({ dueAt: r.dueAt, dueDate: r.dueDate }, now);
    groups[BUCKETS.indexOf(bucket)].tasks.push(toTask(actor, r, now));
  }
  return {
    groups: groups.filter((g) => g.tasks.length > 0),
    page: pageInfo(query.page, total, MY_TASKS_PAGE),
    done: doneRows ? doneRows.map((r) => toTask(actor, r, now)) : null,
    query: { helper: query.pomagam, done: query.zrobione },
  };
}
