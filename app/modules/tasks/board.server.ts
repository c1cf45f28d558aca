// The Kanban board of one team: five columns in board order, each its first N cards by position,
// with only what a card shows (no descriptions, no comments). The page costs a fixed number of
// queries whatever the number of tasks: counts, one query per column, then one query each for
// the cards' labels, checklist progress, the actor's helper rows and assignee names.
import type { Prisma } from "~/generated/prisma/client";
import type { TaskPriority, TaskStatus } from "~/generated/prisma/enums";
import type { Actor } from "~/modules/auth/actor";
import type { AuthUser } from "~/modules/auth/session.server";
import type { TaskContext, TeamContext } from "~/modules/teams/access.server";
import { canTask, canTeam, isClosedTeam } from "~/modules/teams/team.policy";
import { db } from "~/utils/db.server";
import { NO_ASSIGNEE, type BoardQuery, type MoveInput, type TaskStatusValue } from "./board.schema";
import { isOverdue } from "./deadline";
import { TASK_STATUSES } from "./tasks.schema";
import { changeTaskStatus, type TaskResult } from "./tasks.server";

export type BoardCard = {
  id: string;
  number: number;
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  assignee: { id: string; name: string } | null;
  dueAt: Date | null;
  dueDate: string | null;
  dueHasTime: boolean;
  overdue: boolean;
  blockedReason: string | null;
  labels: string[];
  checklist: { done: number; total: number };
  version: number;
  /** The actor may move this card (lead/coordinator any card; assignee and helpers their own). */
  canMove: boolean;
  mine: boolean;
};

export type BoardColumn = { status: TaskStatusValue; total: number; limit: number; cards: BoardCard[] };

export type Board = {
  columns: BoardColumn[];
  /** All tasks of the team (unfiltered), to tell "no tasks yet" from "nothing matches". */
  teamTotal: number;
  people: { id: string; name: string }[];
  labels: string[];
  canCreate: boolean;
  anyMovable: boolean;
  closed: boolean;
};

const LABEL_OPTIONS_MAX = 200;

function filterWhere(actor: Actor, teamId: string, q: BoardQuery): Prisma.TaskWhereInput {
  const and: Prisma.TaskWhereInput[] = [{ teamId, deletedAt: null }];
  if (q.assignee === NO_ASSIGNEE) and.push({ assigneeId: null });
  else if (q.assignee) and.push({ assigneeId: q.assignee });
  if (q.label) and.push({ labels: { some: { label: q.label } } });
  if (q.mine) and.push({ OR: [{ assigneeId: actor.id }, { helpers: { some: { userId: actor.id } } }] });
  return and.length === 1 ? and[0] : { AND: and };
}

/**
 * Ids per query: SQLite (through Prisma) takes at most 999 bound values. The default board
 * (5 × 100 cards) is one chunk, so its query count is fixed; each "Pokaż więcej" past 500 cards
 * on screen adds one query per lookup.
 */
const ID_CHUNK = 500;

async function inChunks<T>(ids: string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  if (ids.length <= ID_CHUNK) return query(ids);
  const parts: Promise<T[]>[] = [];
  for (let i = 0; i < ids.length; i += ID_CHUNK) parts.push(query(ids.slice(i, i + ID_CHUNK)));
  return (await Promise.all(parts)).flat();
}

const cardSelect = {
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
} satisfies Prisma.TaskSelect;

/** The board of a team the caller has already loaded (requireTeam "view"). */
export async function loadBoard(actor: Actor, ctx: TeamContext, q: BoardQuery, now: Date): Promise<Board> {
  const teamId = ctx.team.id;
  const where = filterWhere(actor, teamId, q);
  const [counts, teamTotal, members, labelRows, ...columnRows] = await Promise.all([
    db.task.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.task.count({ where: { teamId, deletedAt: null } }),
    db.teamMember.findMany({ where: { teamId }, select: { user: { select: { id: true, name: true } } } }),
    db.taskLabel.findMany({
      where: { task: { teamId, deletedAt: null } },
      distinct: ["label"],
      select: { label: true },
      orderBy: { label: "asc" },
      take: LABEL_OPTIONS_MAX,
    }),
    ...TASK_STATUSES.map((status) =>
      db.task.findMany({
        where: { AND: [where, { status }] },
        orderBy: [{ position: "asc" }, { number: "asc" }],
        take: q.limits[status],
        select: cardSelect,
      }),
    ),
  ]);
  const rows = columnRows.flat();
  const ids = rows.map((r) => r.id);
  const assigneeIds = [...new Set(rows.map((r) => r.assigneeId).filter((id): id is string => !!id))];
  const [labels, checklist, helping, assignees] = await Promise.all([
    inChunks(ids, (chunk) => db.taskLabel.findMany({ where: { taskId: { in: chunk } }, select: { taskId: true, label: true }, orderBy: { label: "asc" } })),
    inChunks(ids, (chunk) => db.taskChecklistItem.groupBy({ by: ["taskId", "done"], where: { taskId: { in: chunk } }, _count: { _all: true } })),
    inChunks(ids, (chunk) => db.taskHelper.findMany({ where: { userId: actor.id, taskId: { in: chunk } }, select: { taskId: true } })),
    inChunks(assigneeIds, (chunk) => db.user.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true } })),
  ]);

  const labelsOf = new Map<string, string[]>();
  for (const l of labels) labelsOf.set(l.taskId, [...(labelsOf.get(l.taskId) ?? []), l.label]);
  const progress = new Map<string, { done: number; total: number }>();
  for (const c of checklist) {
    const p = progress.get(c.taskId) ?? { done: 0, total: 0 };
    p.total += c._count._all;
    if (c.done) p.done += c._count._all;
    progress.set(c.taskId, p);
  }
  const helps = new Set(helping.map((h) => h.taskId));
  const names = new Map(assignees.map((u) => [u.id, u]));
  const totals = new Map(counts.map((c) => [c.status, c._count._all]));

  let anyMovable = false;
  const columns: BoardColumn[] = TASK_STATUSES.map((status, i) => ({
    status,
    total: totals.get(status) ?? 0,
    limit: q.limits[status],
    cards: columnRows[i].map((r) => {
      const people = { isAssignee: r.assigneeId === actor.id, isHelper: helps.has(r.id) };
      const canMove = canTask(actor, "changeStatus", ctx.access, people);
      anyMovable ||= canMove;
      return {
        id: r.id,
        number: r.number,
        title: r.title,
        status: r.status,
        priority: r.priority,
        assignee: r.assigneeId ? (names.get(r.assigneeId) ?? null) : null,
        dueAt: r.dueAt,
        dueDate: r.dueDate,
        dueHasTime: r.dueHasTime,
        overdue: isOverdue(r, now),
        blockedReason: r.blockedReason,
        labels: labelsOf.get(r.id) ?? [],
        checklist: progress.get(r.id) ?? { done: 0, total: 0 },
        version: r.version,
        canMove,
        mine: people.isAssignee || people.isHelper,
      };
    }),
  }));

  const collator = new Intl.Collator("pl");
  return {
    columns,
    teamTotal,
    people: members.map((m) => m.user).sort((a, b) => collator.compare(a.name, b.name)),
    labels: labelRows.map((l) => l.label),
    canCreate: canTeam(actor, "createTask", ctx.access),
    // A read-only note is shown when nothing on the board is movable for this person; a lead
    // of an empty board can still move what comes, so count the policy too.
    anyMovable: anyMovable || canTask(actor, "changeStatus", ctx.access, { isAssignee: false, isHelper: false }),
    closed: isClosedTeam(ctx.team.status),
  };
}

/**
 * Moves a card (authorised by the caller with requireTask "changeStatus"): resolves "na dół" and
 * "po karcie" to the card to place after, then changes the status through the shared command
 * (version check → 409). A card named as the neighbour that is no longer in the target column
 * means the board changed under the user: also 409. The status command audits both status
 * changes and reordering inside a column, in the move's own transaction.
 */
export async function moveCard(user: AuthUser, ctx: TaskContext, input: MoveInput, meta: { ip?: string }): Promise<TaskResult> {
  const teamId = ctx.task.teamId;
  const column = { teamId, status: input.status, deletedAt: null, id: { not: ctx.task.id } };
  let afterId: string | null = null;
  if (input.place === "bottom") {
    const last = await db.task.findFirst({ where: column, orderBy: [{ position: "desc" }, { number: "desc" }], select: { id: true } });
    afterId = last?.id ?? null;
  } else if (input.place === "after" && input.afterId) {
    const after = await db.task.findFirst({ where: { ...column, id: input.afterId }, select: { id: true } });
    if (!after) return { ok: false, status: 409, conflict: true };
    afterId = after.id;
  }
  return changeTaskStatus(user, ctx, { status: input.status, blockedReason: input.blockedReason, version: input.version, afterId }, meta);
}
