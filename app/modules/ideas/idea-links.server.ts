// Links from an idea to tasks, library documents and strategy drafts. A link is a soft reference
// (IdeaLink.kind + targetId): it is re-authorised on every read, so a viewer who cannot see the
// task's team or the document's workspace sees "no access" instead of its title. Callers have
// authorised the idea (requireIdea); adding checks that the person can see the target.
import { recordAudit } from "~/modules/audit/audit.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { libraryUrls } from "~/modules/library/library-urls";
import { taskUrl } from "~/modules/tasks/task-urls";
import { visibleTasksWhere } from "~/modules/teams/access.server";
import { visibleWorkspacesWhere } from "~/modules/workspaces/access.server";
import type { Actor } from "~/modules/auth/actor";
import { db } from "~/utils/db.server";
import type { IdeaContext } from "./access.server";
import type { IdeaLinkKind } from "./idea-page.schema";

type Meta = { ip?: string };

export type ResolvedLink = {
  id: string;
  kind: IdeaLinkKind;
  targetId: string;
  createdAt: Date;
  /** Null when the viewer may not see the target (or it is gone, or — for drafts — not resolvable yet). */
  target: { label: string; detail: string; url: string; status?: string } | null;
};

const asKind = (kind: string): IdeaLinkKind => (kind === "TASK" || kind === "DOCUMENT" ? kind : "DRAFT");

/** The idea's links with what this viewer may see of their targets. Three statements. */
export async function resolveIdeaLinks(actor: Actor, ideaId: string): Promise<ResolvedLink[]> {
  const links = await db.ideaLink.findMany({ where: { ideaId }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, targetId: true, createdAt: true } });
  const taskIds = links.filter((l) => l.kind === "TASK").map((l) => l.targetId);
  const docIds = links.filter((l) => l.kind === "DOCUMENT").map((l) => l.targetId);
  const [tasks, docs] = await Promise.all([
    taskIds.length
      ? db.task.findMany({
          where: { id: { in: taskIds }, ...visibleTasksWhere(actor) },
          select: { id: true, number: true, title: true, status: true, teamId: true, team: { select: { name: true } } },
        })
      : Promise.resolve([]),
    docIds.length
      ? db.document.findMany({
          where: { id: { in: docIds }, deletedAt: null, workspace: visibleWorkspacesWhere(actor) },
          select: { id: true, name: true, workspaceId: true, workspace: { select: { name: true } } },
        })
      : Promise.resolve([]),
  ]);
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const docById = new Map(docs.map((d) => [d.id, d]));
  return links.map((l) => {
    const kind = asKind(l.kind);
    const base = { id: l.id, kind, targetId: l.targetId, createdAt: l.createdAt };
    if (kind === "TASK") {
      const t = taskById.get(l.targetId);
      return { ...base, target: t ? { label: `#${t.number} ${t.title}`, detail: t.team.name, url: taskUrl(t.teamId, t.id), status: t.status } : null };
    }
    if (kind === "DOCUMENT") {
      const d = docById.get(l.targetId);
      return { ...base, target: d ? { label: d.name, detail: d.workspace.name, url: libraryUrls.file(d.workspaceId, d.id) } : null };
    }
    // Strategy drafts arrive with their own issue; until then a draft link cannot be resolved.
    return { ...base, target: null };
  });
}

/** Bound on each picker's options (most recently changed first). */
export const LINK_CANDIDATES_LIMIT = 200;

/** What the link pickers offer: tasks in the teams the person sees, documents in their workspaces. */
export async function linkCandidates(actor: Actor) {
  const [tasks, docs] = await Promise.all([
    db.task.findMany({
      where: visibleTasksWhere(actor),
      orderBy: { updatedAt: "desc" },
      take: LINK_CANDIDATES_LIMIT,
      select: { id: true, number: true, title: true, team: { select: { name: true } } },
    }),
    db.document.findMany({
      where: { deletedAt: null, workspace: visibleWorkspacesWhere(actor) },
      orderBy: { updatedAt: "desc" },
      take: LINK_CANDIDATES_LIMIT,
      select: { id: true, name: true, workspace: { select: { name: true } } },
    }),
  ]);
  return {
    tasks: tasks.map((t) => ({ id: t.id, label: `#${t.number} ${t.title}`, group: t.team.name })),
    documents: docs.map((d) => ({ id: d.id, label: d.name, group: d.workspace.name })),
  };
}

export type LinkResult = { ok: true; label: string } | { ok: false; status: 400 | 404; errors: Record<string, string> };

/** Links the idea to a target the person can see (404-style "pick one" answer otherwise). */
export async function addIdeaLink(user: AuthUser, ctx: IdeaContext, input: { kind: IdeaLinkKind; targetId: string }, meta: Meta): Promise<LinkResult> {
  let label: string;
  if (input.kind === "TASK") {
    const task = await db.task.findFirst({ where: { id: input.targetId, ...visibleTasksWhere(user) }, select: { number: true, title: true } });
    if (!task) return { ok: false, status: 400, errors: { targetId: "ideasInbox.links.notFound" } };
    label = `#${task.number} ${task.title}`;
  } else if (input.kind === "DOCUMENT") {
    const doc = await db.document.findFirst({ where: { id: input.targetId, deletedAt: null, workspace: visibleWorkspacesWhere(user) }, select: { name: true } });
    if (!doc) return { ok: false, status: 400, errors: { targetId: "ideasInbox.links.notFound" } };
    label = doc.name;
  } else {
    // Drafts do not exist yet: the kind is accepted (the link stays unresolved until they do).
    label = input.targetId;
  }
  return db.$transaction(async (tx) => {
    const existing = await tx.ideaLink.findFirst({ where: { ideaId: ctx.idea.id, kind: input.kind, targetId: input.targetId }, select: { id: true } });
    if (existing) return { ok: false as const, status: 400 as const, errors: { targetId: "ideasInbox.links.duplicate" } };
    await tx.ideaLink.create({ data: { ideaId: ctx.idea.id, kind: input.kind, targetId: input.targetId, createdById: user.id } });
    await recordAudit(
      {
        actor: user,
        action: "idea.link.add",
        entityType: "Idea",
        entityId: ctx.idea.id,
        summary: `${ctx.idea.reference}: ${label}`,
        changes: { link: [null, `${input.kind}:${input.targetId}`] },
        ip: meta.ip,
      },
      tx,
    );
    return { ok: true as const, label };
  });
}

export async function removeIdeaLink(user: AuthUser, ctx: IdeaContext, linkId: string, meta: Meta): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const link = await tx.ideaLink.findFirst({ where: { id: linkId, ideaId: ctx.idea.id }, select: { kind: true, targetId: true } });
    if (!link) return false;
    await tx.ideaLink.delete({ where: { id: linkId } });
    await recordAudit(
      {
        actor: user,
        action: "idea.link.remove",
        entityType: "Idea",
        entityId: ctx.idea.id,
        summary: ctx.idea.reference,
        changes: { link: [`${link.kind}:${link.targetId}`, null] },
        ip: meta.ip,
      },
      tx,
    );
    return true;
  });
}
