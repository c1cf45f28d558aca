// Links between tasks of the same team: "blocks" (stored from the blocking task to the blocked
// one) and "relates" (symmetric, stored once). Callers authorise first (requireTask
// "manageLinks"); here the other task must be a live task of the same team, and each change
// writes history on both tasks and one audit entry in the same transaction.
import type { AuthUser } from "~/modules/auth/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import type { TaskContext } from "~/modules/teams/access.server";
import { db } from "~/utils/db.server";
import { taskNumberOf, type LinkChoice } from "./task-page.schema";
import { recordTaskEvent } from "./tasks.server";

type Meta = { ip?: string };
export type LinkResult = { ok: true; number: number } | { ok: false; status: number; errors: Record<string, string> };

const fail = (status: number, key: string): LinkResult => ({ ok: false, status, errors: { target: key } });

/** Bound on the tasks offered in the "link to" picker (newest first). */
export const LINK_CANDIDATES_LIMIT = 500;

/** Other live tasks of the team, for the picker ("#12 Title"). */
export async function linkCandidates(teamId: string, exceptTaskId: string) {
  return db.task.findMany({
    where: { teamId, deletedAt: null, id: { not: exceptTaskId } },
    orderBy: { number: "desc" },
    take: LINK_CANDIDATES_LIMIT,
    select: { id: true, number: true, title: true },
  });
}

/** The task the person meant: an id from the picker, "#12", or a title (must match one task). */
async function findTarget(teamId: string, selfId: string, target: string) {
  const scope = { teamId, deletedAt: null, id: { not: selfId } };
  const byId = await db.task.findFirst({ where: { ...scope, id: target }, select: { id: true, number: true, title: true } });
  if (byId) return { task: byId };
  const number = taskNumberOf(target);
  if (number !== null) {
    const byNumber = await db.task.findFirst({ where: { ...scope, number }, select: { id: true, number: true, title: true } });
    return byNumber ? { task: byNumber } : { error: "tasks.links.notFound" };
  }
  const byTitle = await db.task.findMany({ where: { ...scope, title: { contains: target } }, take: 2, select: { id: true, number: true, title: true } });
  if (byTitle.length === 1) return { task: byTitle[0] };
  return { error: byTitle.length === 0 ? "tasks.links.notFound" : "tasks.links.ambiguous" };
}

export async function addTaskLink(user: AuthUser, ctx: TaskContext, input: { kind: LinkChoice; target: string }, meta: Meta): Promise<LinkResult> {
  const self = ctx.task;
  const found = await findTarget(ctx.team.id, self.id, input.target);
  if (!found.task) return fail(400, found.error ?? "tasks.links.notFound");
  const other = found.task;
  const [fromTaskId, toTaskId, kind] =
    input.kind === "BLOCKS" ? [self.id, other.id, "BLOCKS"] : input.kind === "BLOCKED_BY" ? [other.id, self.id, "BLOCKS"] : [self.id, other.id, "RELATES"];
  return db.$transaction(async (tx) => {
    const existing = await tx.taskLink.findFirst({
      where: {
        OR: [
          { fromTaskId, toTaskId, kind },
          // "relates" is symmetric, and a task cannot both block and be blocked by the same one.
          { fromTaskId: toTaskId, toTaskId: fromTaskId, kind: kind === "RELATES" ? "RELATES" : "BLOCKS" },
        ],
      },
      select: { id: true },
    });
    if (existing) return fail(409, "tasks.links.exists");
    await tx.taskLink.create({ data: { fromTaskId, toTaskId, kind, createdById: user.id } });
    const details = { kind: input.kind, task: `#${other.number} ${other.title}` };
    await recordTaskEvent(tx, self.id, user.id, "link", { added: details });
    await recordTaskEvent(tx, other.id, user.id, "link", { added: { kind: mirrored(input.kind), task: `#${self.number} ${self.title}` } });
    await recordAudit(
      { actor: user, action: "task.link.add", entityType: "Task", entityId: self.id, summary: `#${self.number} ${self.title}`, changes: { link: [null, `${input.kind} #${other.number}`] }, ip: meta.ip },
      tx,
    );
    return { ok: true as const, number: other.number };
  });
}

/** How the same link reads from the other task. */
function mirrored(kind: LinkChoice): LinkChoice {
  return kind === "BLOCKS" ? "BLOCKED_BY" : kind === "BLOCKED_BY" ? "BLOCKS" : "RELATES";
}

export async function removeTaskLink(user: AuthUser, ctx: TaskContext, linkId: string, meta: Meta): Promise<LinkResult> {
  const self = ctx.task;
  const link = await db.taskLink.findFirst({
    where: { id: linkId, OR: [{ fromTaskId: self.id }, { toTaskId: self.id }] },
    select: { id: true, kind: true, fromTaskId: true, fromTask: { select: { id: true, number: true, title: true } }, toTask: { select: { id: true, number: true, title: true } } },
  });
  if (!link) return fail(404, "tasks.links.gone");
  const outgoing = link.fromTaskId === self.id;
  const other = outgoing ? link.toTask : link.fromTask;
  const kind: LinkChoice = link.kind === "RELATES" ? "RELATES" : outgoing ? "BLOCKS" : "BLOCKED_BY";
  return db.$transaction(async (tx) => {
    const removed = await tx.taskLink.deleteMany({ where: { id: link.id } });
    if (removed.count === 0) return fail(404, "tasks.links.gone");
    await recordTaskEvent(tx, self.id, user.id, "link", { removed: { kind, task: `#${other.number} ${other.title}` } });
    await recordTaskEvent(tx, other.id, user.id, "link", { removed: { kind: mirrored(kind), task: `#${self.number} ${self.title}` } });
    await recordAudit(
      { actor: user, action: "task.link.remove", entityType: "Task", entityId: self.id, summary: `#${self.number} ${self.title}`, changes: { link: [`${kind} #${other.number}`, null] }, ip: meta.ip },
      tx,
    );
    return { ok: true as const, number: other.number };
  });
}
