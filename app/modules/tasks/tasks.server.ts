// Task changes: create, edit (optimistic concurrency), status moves (board), checklist.
// Callers have already authorised the actor through teams/access.server.ts (requireTeam /
// requireTask); these functions re-check what only the data can tell (membership of the people
// named, the version the user started from) and write history, audit and notifications in the
// same transaction as the change.
import type { TaskStatus } from "~/generated/prisma/enums";
import { recordAudit } from "~/modules/audit/audit.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { notify } from "~/modules/notifications/notifications.server";
import { sanitizeDocumentHtml } from "~/modules/search/sanitize-html.server";
import type { TaskContext, TeamContext } from "~/modules/teams/access.server";
import { db, type Tx } from "~/utils/db.server";
import { deadlineFrom } from "./deadline";
import type { TaskFields } from "./tasks.schema";
import { taskUrl } from "./task-urls";

type Meta = { ip?: string };
export type FieldErrors = Record<string, string | undefined>;
export type TaskResult =
  | { ok: true; id: string; version: number }
  | { ok: false; status: 400; errors: FieldErrors }
  | { ok: false; status: 409; conflict: true }
  | { ok: false; status: 404 };

/** Rich text as stored: the same strict allowlist as document previews. */
export function cleanRichText(html: string): string {
  const clean = sanitizeDocumentHtml(html).trim();
  // An editor's empty document ("<p></p>") is no description at all.
  return clean.replace(/<[^>]+>/g, "").trim() ? clean : "";
}

async function teamMemberIds(teamId: string, client: Tx | typeof db): Promise<Set<string>> {
  const rows = await client.teamMember.findMany({ where: { teamId, user: { deactivatedAt: null } }, select: { userId: true } });
  return new Set(rows.map((r) => r.userId));
}

/** Assignee and helpers must be members of the team (the people the lead can hand work to). */
function checkPeople(fields: TaskFields, members: Set<string>): FieldErrors | null {
  const errors: FieldErrors = {};
  if (fields.assigneeId && !members.has(fields.assigneeId)) errors.assigneeId = "tasks.validation.notMember";
  if (fields.helperIds.some((id) => !members.has(id))) errors.helperIds = "tasks.validation.notMember";
  return Object.keys(errors).length ? errors : null;
}

function storedFields(fields: TaskFields) {
  const deadline = fields.dueDate ? deadlineFrom(fields.dueDate, fields.dueTime) : null;
  return {
    title: fields.title,
    description: cleanRichText(fields.description),
    assigneeId: fields.assigneeId,
    priority: fields.priority,
    dueAt: deadline?.dueAt ?? null,
    dueDate: deadline?.dueDate ?? null,
    dueHasTime: deadline?.dueHasTime ?? false,
  };
}

export async function recordTaskEvent(
  tx: Tx,
  taskId: string,
  actorId: string | null,
  kind: string,
  changes?: Record<string, unknown>,
): Promise<void> {
  await tx.taskEvent.create({ data: { taskId, actorId, kind, changes: changes ? JSON.stringify(changes) : null } });
}

/** Creates a task in the team (the lead, a coordinator or an administrator; checked by the caller). */
export async function createTask(user: AuthUser, ctx: TeamContext, fields: TaskFields, meta: Meta): Promise<TaskResult> {
  const teamId = ctx.team.id;
  return db.$transaction(async (tx) => {
    const errors = checkPeople(fields, await teamMemberIds(teamId, tx));
    if (errors) return { ok: false as const, status: 400 as const, errors };
    const last = await tx.task.findFirst({ where: { teamId }, orderBy: { number: "desc" }, select: { number: true } });
    const top = await tx.task.findFirst({ where: { teamId, status: "TODO", deletedAt: null }, orderBy: { position: "asc" }, select: { position: true } });
    const data = storedFields(fields);
    const task = await tx.task.create({
      data: {
        ...data,
        teamId,
        number: (last?.number ?? 0) + 1,
        // New work goes to the top of "Do zrobienia".
        position: (top?.position ?? 1024) - 1024,
        createdById: user.id,
        helpers: { create: fields.helperIds.filter((id) => id !== fields.assigneeId).map((userId) => ({ userId })) },
        labels: { create: fields.labels.map((label) => ({ label })) },
      },
      select: { id: true, number: true, version: true },
    });
    await recordTaskEvent(tx, task.id, user.id, "created", { title: data.title });
    await recordAudit(
      { actor: user, action: "task.create", entityType: "Task", entityId: task.id, summary: `#${task.number} ${data.title}`, changes: { teamId }, ip: meta.ip },
      tx,
    );
    await notifyAssigned(tx, user, teamId, task.id, data.title, [data.assigneeId, ...fields.helperIds]);
    return { ok: true as const, id: task.id, version: task.version };
  });
}

async function notifyAssigned(tx: Tx, user: AuthUser, teamId: string, taskId: string, title: string, userIds: (string | null)[]) {
  await notify(
    {
      userIds: userIds.filter((id): id is string => !!id),
      kind: "task.assigned",
      actorId: user.id,
      title: "notifications.kind.taskAssigned",
      data: { name: user.name, task: title },
      url: taskUrl(teamId, taskId),
      entityType: "Task",
      entityId: taskId,
    },
    tx,
  );
}

const comparable = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));

const EDITABLE = ["title", "description", "assigneeId", "priority", "dueAt", "dueDate", "dueHasTime"] as const;

/**
 * Saves the task form. `version` is the version the user started editing: if somebody saved in
 * between, nothing is written and the caller shows "changed by someone else — reload".
 */
export async function updateTask(user: AuthUser, ctx: TaskContext, fields: TaskFields, version: number, meta: Meta): Promise<TaskResult> {
  const { id: taskId, teamId } = ctx.task;
  return db.$transaction(async (tx) => {
    const before = await tx.task.findFirst({
      where: { id: taskId, teamId, deletedAt: null },
      select: {
        title: true,
        description: true,
        assigneeId: true,
        priority: true,
        dueAt: true,
        dueDate: true,
        dueHasTime: true,
        number: true,
        helpers: { select: { userId: true } },
        labels: { select: { label: true } },
      },
    });
    if (!before) return { ok: false as const, status: 404 as const };
    const errors = checkPeople(fields, await teamMemberIds(teamId, tx));
    if (errors) return { ok: false as const, status: 400 as const, errors };
    const data = storedFields(fields);
    const saved = await tx.task.updateMany({ where: { id: taskId, version }, data: { ...data, version: { increment: 1 } } });
    if (saved.count === 0) return { ok: false as const, status: 409 as const, conflict: true as const };

    const changes: Record<string, [unknown, unknown]> = {};
    for (const f of EDITABLE) {
      const a = comparable(before[f]);
      const b = comparable(data[f]);
      if (a !== b) changes[f] = [a, b];
    }
    const oldHelpers = before.helpers.map((h) => h.userId).sort();
    const newHelpers = fields.helperIds.filter((id) => id !== fields.assigneeId).sort();
    if (oldHelpers.join() !== newHelpers.join()) {
      changes.helpers = [oldHelpers, newHelpers];
      await tx.taskHelper.deleteMany({ where: { taskId } });
      if (newHelpers.length) await tx.taskHelper.createMany({ data: newHelpers.map((userId) => ({ taskId, userId })) });
    }
    const oldLabels = before.labels.map((l) => l.label).sort();
    const newLabels = [...fields.labels].sort();
    if (oldLabels.join("\n") !== newLabels.join("\n")) {
      changes.labels = [oldLabels, newLabels];
      await tx.taskLabel.deleteMany({ where: { taskId } });
      if (newLabels.length) await tx.taskLabel.createMany({ data: newLabels.map((label) => ({ taskId, label })) });
    }
    if (Object.keys(changes).length) {
      await recordTaskEvent(tx, taskId, user.id, "updated", changes);
      await recordAudit(
        { actor: user, action: "task.update", entityType: "Task", entityId: taskId, summary: `#${before.number} ${data.title}`, changes, ip: meta.ip },
        tx,
      );
    }
    const newlyAssigned = [data.assigneeId !== before.assigneeId ? data.assigneeId : null, ...newHelpers.filter((id) => !oldHelpers.includes(id))];
    await notifyAssigned(tx, user, teamId, taskId, data.title, newlyAssigned);
    return { ok: true as const, id: taskId, version: version + 1 };
  });
}

/** Position between neighbours in the target column (fractional ranks; renumbered when too close). */
async function positionAfter(tx: Tx, teamId: string, status: TaskStatus, afterId: string | null, movingId: string): Promise<number> {
  const column = { teamId, status, deletedAt: null, id: { not: movingId } };
  const after = afterId ? await tx.task.findFirst({ where: { ...column, id: afterId }, select: { position: true } }) : null;
  const next = await tx.task.findFirst({
    where: { ...column, ...(after ? { position: { gt: after.position } } : {}) },
    orderBy: { position: "asc" },
    select: { position: true },
  });
  if (!after) return (next?.position ?? 1024) - 1024;
  if (!next) return after.position + 1024;
  const mid = (after.position + next.position) / 2;
  if (mid - after.position > 1e-6) return mid;
  // Ranks ran out of room: space the column out again, then place.
  const rows = await tx.task.findMany({ where: column, orderBy: { position: "asc" }, select: { id: true } });
  let pos = 0;
  let placed = 0;
  for (const row of rows) {
    pos += 1024;
    await tx.task.update({ where: { id: row.id }, data: { position: pos } });
    if (row.id === afterId) placed = pos + 512;
  }
  return placed;
}

/**
 * Moves the task to `status` (and optionally places it after another card). Refused with 409 when
 * the task changed since the user loaded it.
 */
export async function changeTaskStatus(
  user: AuthUser,
  ctx: TaskContext,
  input: { status: TaskStatus; blockedReason: string | null; version: number; afterId?: string | null },
  meta: Meta,
): Promise<TaskResult> {
  const { id: taskId, teamId } = ctx.task;
  return db.$transaction(async (tx) => {
    const before = await tx.task.findFirst({
      where: { id: taskId, teamId, deletedAt: null },
      select: { status: true, blockedReason: true, number: true, title: true, assigneeId: true, createdById: true, helpers: { select: { userId: true } } },
    });
    if (!before) return { ok: false as const, status: 404 as const };
    const position = await positionAfter(tx, teamId, input.status, input.afterId ?? null, taskId);
    const blockedReason = input.status === "BLOCKED" ? input.blockedReason : null;
    const saved = await tx.task.updateMany({
      where: { id: taskId, version: input.version },
      data: {
        status: input.status,
        blockedReason,
        position,
        completedAt: input.status === "DONE" ? (before.status === "DONE" ? undefined : new Date()) : null,
        version: { increment: 1 },
      },
    });
    if (saved.count === 0) return { ok: false as const, status: 409 as const, conflict: true as const };
    if (before.status !== input.status || before.blockedReason !== blockedReason) {
      const changes = { status: [before.status, input.status], ...(blockedReason ? { blockedReason: [before.blockedReason, blockedReason] } : {}) };
      await recordTaskEvent(tx, taskId, user.id, "status", changes);
      await recordAudit(
        { actor: user, action: "task.status", entityType: "Task", entityId: taskId, summary: `#${before.number} ${before.title}`, changes, ip: meta.ip },
        tx,
      );
      await notify(
        {
          userIds: [before.assigneeId, before.createdById, ...before.helpers.map((h) => h.userId)].filter((id): id is string => !!id),
          kind: "task.status",
          actorId: user.id,
          title: "notifications.kind.taskStatus",
          data: { name: user.name, task: before.title, status: input.status },
          url: taskUrl(teamId, taskId),
          entityType: "Task",
          entityId: taskId,
        },
        tx,
      );
    } else {
      // Same column, new place: still a change to shared work, so it is in the audit log.
      await recordAudit(
        {
          actor: user,
          action: "task.reorder",
          entityType: "Task",
          entityId: taskId,
          summary: `#${before.number} ${before.title}`,
          changes: { afterId: input.afterId ?? null },
          ip: meta.ip,
        },
        tx,
      );
    }
    return { ok: true as const, id: taskId, version: input.version + 1 };
  });
}

/** Adds a checklist item at the end. */
export async function addChecklistItem(user: AuthUser, ctx: TaskContext, text: string, meta: Meta) {
  const taskId = ctx.task.id;
  return db.$transaction(async (tx) => {
    const last = await tx.taskChecklistItem.findFirst({ where: { taskId }, orderBy: { position: "desc" }, select: { position: true } });
    const item = await tx.taskChecklistItem.create({ data: { taskId, text, position: (last?.position ?? 0) + 1 } });
    await recordTaskEvent(tx, taskId, user.id, "checklist", { added: text });
    await recordAudit({ actor: user, action: "task.checklist", entityType: "Task", entityId: taskId, summary: text, changes: { added: text }, ip: meta.ip }, tx);
    return item;
  });
}

/** Ticks or unticks an item of this task (an id from another task is a 404). */
export async function setChecklistItem(user: AuthUser, ctx: TaskContext, itemId: string, done: boolean, meta: Meta): Promise<boolean> {
  const taskId = ctx.task.id;
  return db.$transaction(async (tx) => {
    const item = await tx.taskChecklistItem.findFirst({ where: { id: itemId, taskId }, select: { text: true, done: true } });
    if (!item) return false;
    if (item.done === done) return true;
    await tx.taskChecklistItem.update({ where: { id: itemId }, data: { done, doneAt: done ? new Date() : null, doneById: done ? user.id : null } });
    await recordTaskEvent(tx, taskId, user.id, "checklist", { item: item.text, done: [item.done, done] });
    await recordAudit(
      { actor: user, action: "task.checklist", entityType: "Task", entityId: taskId, summary: item.text, changes: { done: [item.done, done] }, ip: meta.ip },
      tx,
    );
    return true;
  });
}

/** Removes a checklist item of this task. */
export async function removeChecklistItem(user: AuthUser, ctx: TaskContext, itemId: string, meta: Meta): Promise<boolean> {
  const taskId = ctx.task.id;
  return db.$transaction(async (tx) => {
    const item = await tx.taskChecklistItem.findFirst({ where: { id: itemId, taskId }, select: { text: true } });
    if (!item) return false;
    await tx.taskChecklistItem.delete({ where: { id: itemId } });
    await recordTaskEvent(tx, taskId, user.id, "checklist", { removed: item.text });
    await recordAudit({ actor: user, action: "task.checklist", entityType: "Task", entityId: taskId, summary: item.text, changes: { removed: item.text }, ip: meta.ip }, tx);
    return true;
  });
}

/** Moves the task to the trash (restorable by the lead; see the team's trash). */
export async function trashTask(user: AuthUser, ctx: TaskContext, meta: Meta): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.task.update({ where: { id: ctx.task.id }, data: { deletedAt: new Date(), deletedById: user.id, version: { increment: 1 } } });
    await recordTaskEvent(tx, ctx.task.id, user.id, "deleted");
    await recordAudit(
      { actor: user, action: "task.delete", entityType: "Task", entityId: ctx.task.id, summary: `#${ctx.task.number} ${ctx.task.title}`, ip: meta.ip },
      tx,
    );
  });
}

/** Brings a task back from the trash. */
export async function restoreTask(user: AuthUser, ctx: TeamContext, taskId: string, meta: Meta): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const task = await tx.task.findFirst({ where: { id: taskId, teamId: ctx.team.id, deletedAt: { not: null } }, select: { number: true, title: true } });
    if (!task) return false;
    await tx.task.update({ where: { id: taskId }, data: { deletedAt: null, deletedById: null, version: { increment: 1 } } });
    await recordTaskEvent(tx, taskId, user.id, "restored");
    await recordAudit({ actor: user, action: "task.restore", entityType: "Task", entityId: taskId, summary: `#${task.number} ${task.title}`, ip: meta.ip }, tx);
    return true;
  });
}
