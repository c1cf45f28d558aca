// Comments on a task, with @mentions of the team's members (tokens from comments/mentions.ts).
// Callers authorise first (requireTask "comment"); here: the comment belongs to this task, only
// its author edits or deletes it, and every change writes history, audit and notifications in the
// same transaction. Mentioned members get "task.mention"; the assignee and helpers who were not
// mentioned get "task.comment". Tokens naming anyone else become plain text.
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { authorize } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { COMMENT_MAX, commentAnchor } from "~/modules/comments/comments.schema";
import { mentionedUserIds, rewriteMentions } from "~/modules/comments/mentions";
import { notify } from "~/modules/notifications/notifications.server";
import type { TaskContext } from "~/modules/teams/access.server";
import { db, type Tx } from "~/utils/db.server";
import { canTaskComment } from "./task-comments.policy";
import { recordTaskEvent } from "./tasks.server";
import { taskUrl } from "./task-urls";

type Meta = { ip?: string };
export type CommentResult = { ok: true; id: string } | { ok: false; status: number; error?: string; errors?: Record<string, string> };

/** How many of the newest comments the page shows. */
export const TASK_COMMENTS_SHOWN = 100;

const tooLong = { ok: false as const, status: 400, errors: { body: `validation.tooLong|${JSON.stringify({ max: COMMENT_MAX })}` } };
const gone = { ok: false as const, status: 404, error: "tasks.comments.notFound" };

/** Active members of the team among `ids` (one statement). */
async function membersAmong(teamId: string, ids: string[], client: Tx) {
  if (ids.length === 0) return [];
  const rows = await client.teamMember.findMany({
    where: { teamId, userId: { in: ids }, user: { deactivatedAt: null } },
    select: { user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.user);
}

/** Stored body: mentions of team members carry their current name; others become "@Name". */
async function resolveMentions(teamId: string, raw: string, client: Tx) {
  const people = await membersAmong(teamId, mentionedUserIds(raw), client);
  const byId = new Map(people.map((p) => [p.id, p]));
  const body = rewriteMentions(raw, (id) => byId.get(id) ?? null);
  return { body, mentioned: mentionedUserIds(body) };
}

const commentUrl = (ctx: TaskContext, commentId: string) => `${taskUrl(ctx.team.id, ctx.task.id)}#${commentAnchor(commentId)}`;

async function notifyComment(tx: Tx, user: AuthUser, ctx: TaskContext, commentId: string, mentioned: string[], others: string[]) {
  const base = { actorId: user.id, data: { name: user.name, task: ctx.task.title }, url: commentUrl(ctx, commentId), entityType: "Task", entityId: ctx.task.id };
  await notify({ ...base, userIds: mentioned, kind: "task.mention", title: "notifications.kind.taskMention" }, tx);
  const rest = others.filter((id) => !mentioned.includes(id));
  await notify({ ...base, userIds: rest, kind: "task.comment", title: "notifications.kind.taskComment" }, tx);
}

export async function createTaskComment(user: AuthUser, ctx: TaskContext, rawBody: string, meta: Meta): Promise<CommentResult> {
  const taskId = ctx.task.id;
  return db.$transaction(async (tx) => {
    const { body, mentioned } = await resolveMentions(ctx.team.id, rawBody, tx);
    if (body.length > COMMENT_MAX) return tooLong;
    const comment = await tx.taskComment.create({ data: { taskId, authorId: user.id, body }, select: { id: true } });
    await recordTaskEvent(tx, taskId, user.id, "comment", { added: comment.id });
    await recordAudit(
      {
        actor: user,
        action: "task.comment.create",
        entityType: "TaskComment",
        entityId: comment.id,
        summary: `#${ctx.task.number} ${ctx.task.title}`,
        changes: { taskId, mentioned: mentioned.length },
        ip: meta.ip,
      },
      tx,
    );
    const people = await tx.task.findUniqueOrThrow({ where: { id: taskId }, select: { assigneeId: true, helpers: { select: { userId: true } } } });
    const involved = [people.assigneeId, ...people.helpers.map((h) => h.userId)].filter((id): id is string => !!id);
    await notifyComment(tx, user, ctx, comment.id, mentioned, involved);
    return { ok: true as const, id: comment.id };
  });
}

async function ownComment(user: AuthUser, ctx: TaskContext, commentId: string, action: "update" | "delete", meta: Meta) {
  const comment = await db.taskComment.findFirst({ where: { id: commentId, taskId: ctx.task.id, deletedAt: null }, select: { id: true, authorId: true, body: true } });
  if (!comment) return null;
  // Only the author edits or deletes a comment (the rest of the team reads it as written).
  await authorize(user, canTaskComment(user, action === "update" ? "edit" : "delete", ctx.access, ctx.people, comment.authorId), {
    action: `task.comment.${action}`,
    entityType: "TaskComment",
    entityId: comment.id,
    ip: meta.ip,
  });
  return comment;
}

/** The author edits their comment; people newly mentioned are notified (not those mentioned before). */
export async function updateTaskComment(user: AuthUser, ctx: TaskContext, input: { commentId: string; body: string }, meta: Meta): Promise<CommentResult> {
  const comment = await ownComment(user, ctx, input.commentId, "update", meta);
  if (!comment) return gone;
  return db.$transaction(async (tx) => {
    const { body, mentioned } = await resolveMentions(ctx.team.id, input.body, tx);
    if (body.length > COMMENT_MAX) return tooLong;
    if (body === comment.body) return { ok: true as const, id: comment.id };
    const saved = await tx.taskComment.updateMany({ where: { id: comment.id, deletedAt: null }, data: { body, editedAt: new Date() } });
    if (saved.count === 0) return gone;
    await recordTaskEvent(tx, ctx.task.id, user.id, "comment", { edited: comment.id });
    await recordAudit(
      {
        actor: user,
        action: "task.comment.update",
        entityType: "TaskComment",
        entityId: comment.id,
        summary: `#${ctx.task.number} ${ctx.task.title}`,
        changes: { body: [comment.body, body] },
        ip: meta.ip,
      },
      tx,
    );
    const before = new Set(mentionedUserIds(comment.body));
    await notifyComment(tx, user, ctx, comment.id, mentioned.filter((id) => !before.has(id)), []);
    return { ok: true as const, id: comment.id };
  });
}

/** Soft delete by the author (the audit log keeps the text). */
export async function deleteTaskComment(user: AuthUser, ctx: TaskContext, commentId: string, meta: Meta): Promise<CommentResult> {
  const comment = await ownComment(user, ctx, commentId, "delete", meta);
  if (!comment) return gone;
  return db.$transaction(async (tx) => {
    const deletedAt = new Date();
    const saved = await tx.taskComment.updateMany({ where: { id: comment.id, deletedAt: null }, data: { deletedAt } });
    if (saved.count === 0) return gone;
    await recordTaskEvent(tx, ctx.task.id, user.id, "comment", { deleted: comment.id });
    await recordAudit(
      {
        actor: user,
        action: "task.comment.delete",
        entityType: "TaskComment",
        entityId: comment.id,
        summary: `#${ctx.task.number} ${ctx.task.title}`,
        changes: { body: [comment.body, null] },
        ip: meta.ip,
      },
      tx,
    );
    return { ok: true as const, id: comment.id };
  });
}

const commentSelect = {
  id: true,
  body: true,
  createdAt: true,
  editedAt: true,
  authorId: true,
  author: { select: { name: true, institution: { select: { shortName: true } } } },
} as const satisfies Prisma.TaskCommentSelect;

/** The newest live comments (oldest first on the page) and how many there are. */
export async function listTaskComments(taskId: string, shown = TASK_COMMENTS_SHOWN) {
  const where: Prisma.TaskCommentWhereInput = { taskId, deletedAt: null };
  const [total, rows] = await Promise.all([
    db.taskComment.count({ where }),
    db.taskComment.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: shown, select: commentSelect }),
  ]);
  return { total, rows: rows.reverse() };
}
