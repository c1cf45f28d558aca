// Managing a periodic team's recurring tasks (TaskRecurrence): the list with the due dates to come,
// and the commands create, update, pause, resume and delete. Each command writes its audit entry
// ("task.recurrence.*", entity "TaskRecurrence") in the same transaction as the change.
//
// - Access: PERIODIC teams only (404 for the page of any other team); the people who create the
//   team's tasks (leads, coordinators of members, administrators), 403 audited for the others;
//   closed teams are read-only (recurrenceRights in recurrence.schema.ts).
// - After create, edit and resume the generator (reminders/recurrences.server.ts) runs at once, so
//   the next 60 days' tasks are on the board straight away; it is idempotent, so the scheduler's
//   next tick adds nothing.
// - Editing the rhythm (cadence, day, first due date) restarts generation under the new rule from
//   today; tasks generated already stay as they are (they are ordinary tasks now), and a date that
//   already has a task of this recurrence is never created twice.
// - Pausing stops generation, keeping the tasks made; resuming carries on from today.
// - Deleting removes the rule for good; its tasks stay on the board (their link to it is cleared).
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { generateRecurringTasks, occurrences } from "~/modules/reminders/recurrences.server";
import { loadTeamAccess, type TeamContext } from "~/modules/teams/access.server";
import { isClosedTeam } from "~/modules/teams/team.policy";
import { db } from "~/utils/db.server";
import { addDays, warsawDate } from "./deadline";
import { NEXT_DATES_SHOWN, recurrenceRights, type RecurrenceFields } from "./recurrence.schema";
import { cleanRichText } from "./tasks.server";

type Meta = { ip?: string };
export type FieldErrors = Record<string, string | undefined>;

export type RecurrenceContext = TeamContext & {
  rights: { view: boolean; edit: boolean };
  term: { termStart: string; termEnd: string | null; cadence: string | null };
};

/**
 * The team (404 when invisible or not PERIODIC) and the right to see (`view`) or change (`edit`)
 * its recurring tasks — 403 and a `permission.denied` audit entry otherwise, as requireTeam does
 * for the team's `createTask` action.
 */
export async function requireRecurrences(user: AuthUser, teamId: string, need: "view" | "edit", ip?: string): Promise<RecurrenceContext> {
  const ctx = await loadTeamAccess(user, teamId);
  if (ctx.team.kind !== "PERIODIC") notFound();
  const rights = recurrenceRights(user, ctx.team.kind, ctx.access);
  await authorize(user, rights[need], { action: "team.createTask", entityType: "Team", entityId: ctx.team.id, ip });
  const term = await db.team.findUniqueOrThrow({ where: { id: ctx.team.id }, select: { termStart: true, termEnd: true, cadence: true } });
  return { ...ctx, rights, term };
}

const recurrenceSelect = {
  id: true,
  title: true,
  description: true,
  assigneeId: true,
  priority: true,
  cadence: true,
  day: true,
  startDate: true,
  generatedUntil: true,
  active: true,
  createdAt: true,
} as const;

export type UpcomingDate = { date: string; task: { id: string; number: number } | null };

export type RecurrenceRow = {
  id: string;
  title: string;
  description: string;
  assigneeId: string | null;
  /** Null when nobody is set, or the person is no longer an active member (tasks go unassigned). */
  assigneeName: string | null;
  assigneeLeft: boolean;
  priority: string;
  cadence: string;
  day: number;
  startDate: string;
  active: boolean;
  /** Tasks made so far (not in the trash). */
  taskCount: number;
  /** The next due dates: tasks already on the board, then the dates the generator will create. */
  upcoming: UpcomingDate[];
};

/** How far ahead the list looks for the next dates (a quarterly rule needs a few months). */
const LOOKAHEAD_DAYS = 400;

/** The team's recurrences, active first, each with its next due dates. */
export async function listRecurrences(ctx: RecurrenceContext, now: Date): Promise<RecurrenceRow[]> {
  const teamId = ctx.team.id;
  const today = warsawDate(now);
  const rows = await db.taskRecurrence.findMany({ where: { teamId }, orderBy: [{ active: "desc" }, { createdAt: "asc" }], select: recurrenceSelect });
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const assigneeIds = [...new Set(rows.map((r) => r.assigneeId).filter((id): id is string => !!id))];
  const [people, members, tasks, counts] = await Promise.all([
    db.user.findMany({ where: { id: { in: assigneeIds } }, select: { id: true, name: true } }),
    db.teamMember.findMany({ where: { teamId, userId: { in: assigneeIds }, user: { deactivatedAt: null } }, select: { userId: true } }),
    db.task.findMany({
      where: { recurrenceId: { in: ids }, dueDate: { gte: today } },
      orderBy: { dueDate: "asc" },
      select: { id: true, number: true, dueDate: true, recurrenceId: true, deletedAt: true },
    }),
    db.task.groupBy({ by: ["recurrenceId"], where: { recurrenceId: { in: ids }, deletedAt: null }, _count: { _all: true } }),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const inTeam = new Set(members.map((m) => m.userId));
  // The generator works only for open teams and never past the term.
  const generating = !isClosedTeam(ctx.team.status);
  const horizon = addDays(today, LOOKAHEAD_DAYS);
  const until = ctx.term.termEnd && ctx.term.termEnd < horizon ? ctx.term.termEnd : horizon;
  return rows.map((r) => {
    const own = tasks.filter((t) => t.recurrenceId === r.id);
    const byDate = new Map<string, UpcomingDate>();
    for (const t of own) if (!t.deletedAt && t.dueDate) byDate.set(t.dueDate, { date: t.dueDate, task: { id: t.id, number: t.number } });
    if (r.active && generating) {
      // Dates that have (or had: the trash) a task, or that the generator has passed, are not made again.
      const taken = new Set(own.map((t) => t.dueDate));
      const from = r.startDate > today ? r.startDate : today;
      for (const date of occurrences(r, from, until)) {
        if (byDate.size >= NEXT_DATES_SHOWN * 2) break;
        if (taken.has(date) || (r.generatedUntil && date <= r.generatedUntil)) continue;
        byDate.set(date, { date, task: null });
      }
    }
    const upcoming = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)).slice(0, NEXT_DATES_SHOWN);
    const assigneeLeft = !!r.assigneeId && !inTeam.has(r.assigneeId);
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      assigneeId: r.assigneeId,
      assigneeName: r.assigneeId ? (names.get(r.assigneeId) ?? null) : null,
      assigneeLeft,
      priority: r.priority,
      cadence: r.cadence,
      day: r.day,
      startDate: r.startDate,
      active: r.active,
      taskCount: counts.find((c) => c.recurrenceId === r.id)?._count._all ?? 0,
      upcoming,
    };
  });
}

export type RecurrenceResult =
  | { ok: true; id: string; title: string; changed: boolean; created: number }
  | { ok: false; status: 400; errors: FieldErrors }
  | { ok: false; status: 404 };

/** What only the data can tell: the assignee is an active member, the first date is within the term. */
async function checkFields(ctx: RecurrenceContext, fields: RecurrenceFields): Promise<FieldErrors | null> {
  const errors: FieldErrors = {};
  if (fields.assigneeId) {
    const member = await db.teamMember.findFirst({ where: { teamId: ctx.team.id, userId: fields.assigneeId, user: { deactivatedAt: null } }, select: { id: true } });
    if (!member) errors.assigneeId = "recurrences.validation.notMember";
  }
  if (ctx.term.termEnd && fields.startDate > ctx.term.termEnd) errors.startDate = "recurrences.validation.afterTerm";
  return Object.keys(errors).length ? errors : null;
}

function storedFields(fields: RecurrenceFields) {
  return {
    title: fields.title,
    description: cleanRichText(fields.description),
    assigneeId: fields.assigneeId,
    priority: fields.priority,
    cadence: fields.cadence,
    day: fields.day,
    startDate: fields.startDate,
  };
}

const AUDITED = ["title", "description", "assigneeId", "priority", "cadence", "day", "startDate"] as const;
const RULE = ["cadence", "day", "startDate"] as const;

/** Runs the generator now and tells how many tasks of this recurrence it made. */
async function generateNow(recurrenceId: string, now: Date): Promise<number> {
  const count = () => db.task.count({ where: { recurrenceId } });
  const before = await count();
  await generateRecurringTasks(now);
  return (await count()) - before;
}

export async function createRecurrence(user: AuthUser, ctx: RecurrenceContext, fields: RecurrenceFields, meta: Meta, now: Date): Promise<RecurrenceResult> {
  const errors = await checkFields(ctx, fields);
  if (errors) return { ok: false, status: 400, errors };
  const data = storedFields(fields);
  const rec = await db.$transaction(async (tx) => {
    const created = await tx.taskRecurrence.create({ data: { ...data, teamId: ctx.team.id, createdById: user.id }, select: { id: true } });
    await recordAudit(
      {
        actor: user,
        action: "task.recurrence.create",
        entityType: "TaskRecurrence",
        entityId: created.id,
        summary: data.title,
        changes: { teamId: ctx.team.id, ...diffFields({} as Record<string, unknown>, data, AUDITED) },
        ip: meta.ip,
      },
      tx,
    );
    return created;
  });
  return { ok: true, id: rec.id, title: data.title, changed: true, created: await generateNow(rec.id, now) };
}

export async function updateRecurrence(user: AuthUser, ctx: RecurrenceContext, id: string, fields: RecurrenceFields, meta: Meta, now: Date): Promise<RecurrenceResult> {
  const before = await db.taskRecurrence.findFirst({ where: { id, teamId: ctx.team.id }, select: recurrenceSelect });
  if (!before) return { ok: false, status: 404 };
  const errors = await checkFields(ctx, fields);
  if (errors) return { ok: false, status: 400, errors };
  const data = storedFields(fields);
  const changes = diffFields(before, data, AUDITED);
  if (Object.keys(changes).length === 0) return { ok: true, id, title: before.title, changed: false, created: 0 };
  const ruleChanged = RULE.some((f) => f in changes);
  await db.$transaction(async (tx) => {
    // A new rhythm is generated afresh from today (the generator skips dates that have a task).
    await tx.taskRecurrence.update({ where: { id }, data: { ...data, ...(ruleChanged ? { generatedUntil: null } : {}) } });
    await recordAudit(
      { actor: user, action: "task.recurrence.update", entityType: "TaskRecurrence", entityId: id, summary: data.title, changes: { teamId: ctx.team.id, ...changes }, ip: meta.ip },
      tx,
    );
  });
  const created = before.active && ruleChanged ? await generateNow(id, now) : 0;
  return { ok: true, id, title: data.title, changed: true, created };
}

/** Pause (`active` false) or resume (true); resuming generates the coming dates at once. */
export async function setRecurrenceActive(user: AuthUser, ctx: RecurrenceContext, id: string, active: boolean, meta: Meta, now: Date): Promise<RecurrenceResult> {
  const rec = await db.taskRecurrence.findFirst({ where: { id, teamId: ctx.team.id }, select: { id: true, title: true, active: true } });
  if (!rec) return { ok: false, status: 404 };
  if (rec.active === active) return { ok: true, id, title: rec.title, changed: false, created: 0 };
  const changed = await db.$transaction(async (tx) => {
    const r = await tx.taskRecurrence.updateMany({ where: { id, active: !active }, data: { active } });
    if (r.count === 0) return false;
    await recordAudit(
      {
        actor: user,
        action: active ? "task.recurrence.resume" : "task.recurrence.pause",
        entityType: "TaskRecurrence",
        entityId: id,
        summary: rec.title,
        changes: { teamId: ctx.team.id, active: [!active, active] },
        ip: meta.ip,
      },
      tx,
    );
    return true;
  });
  const created = changed && active ? await generateNow(id, now) : 0;
  return { ok: true, id, title: rec.title, changed, created };
}

/** Removes the rule: nothing more is generated; the tasks made stay (their link is cleared). */
export async function deleteRecurrence(user: AuthUser, ctx: RecurrenceContext, id: string, meta: Meta): Promise<RecurrenceResult> {
  const rec = await db.taskRecurrence.findFirst({ where: { id, teamId: ctx.team.id }, select: recurrenceSelect });
  if (!rec) return { ok: false, status: 404 };
  const deleted = await db.$transaction(async (tx) => {
    const kept = await tx.task.count({ where: { recurrenceId: id, deletedAt: null } });
    // A generator run that read the rule before claims nothing once the row is gone.
    const r = await tx.taskRecurrence.deleteMany({ where: { id, teamId: ctx.team.id } });
    if (r.count === 0) return false;
    await recordAudit(
      {
        actor: user,
        action: "task.recurrence.delete",
        entityType: "TaskRecurrence",
        entityId: id,
        summary: rec.title,
        changes: {
          teamId: ctx.team.id,
          cadence: rec.cadence,
          day: rec.day,
          startDate: rec.startDate,
          active: [rec.active, false],
          tasksKept: kept,
        },
        ip: meta.ip,
      },
      tx,
    );
    return true;
  });
  if (!deleted) return { ok: false, status: 404 };
  return { ok: true, id, title: rec.title, changed: true, created: 0 };
}
