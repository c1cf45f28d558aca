// Idea visibility: the one place that resolves who sees which idea (rules: ideas.policy.ts).
// Administrators and coordinators of partner institutions see every idea; members of the
// designated workspace of an intake see that intake's ideas; everybody else gets 404.
import type { Prisma } from "~/generated/prisma/client";
import type { IdeaCategory, IdeaStatus, WorkspaceRole } from "~/generated/prisma/enums";
import type { Actor } from "~/modules/auth/actor";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { strongerRole } from "~/modules/workspaces/workspaces.policy";
import { visibleWorkspacesWhere } from "~/modules/workspaces/access.server";
import { db } from "~/utils/db.server";
import { canIdea, isIdeasCoordinator, type IdeaAccess, type IdeaAction } from "./ideas.policy";

/** Prisma filter for "ideas in this person's inbox" (never includes ideas in the trash). */
export function ideasInboxWhere(actor: Actor): Prisma.IdeaWhereInput {
  const base: Prisma.IdeaWhereInput = { deletedAt: null };
  if (isIdeasCoordinator(actor)) return base;
  return { ...base, intake: { workspace: visibleWorkspacesWhere(actor) } };
}

/** Prisma filter for intake periods whose ideas this person handles. */
export function handledIntakesWhere(actor: Actor): Prisma.IdeaIntakeWhereInput {
  if (isIdeasCoordinator(actor)) return {};
  return { workspace: visibleWorkspacesWhere(actor) };
}

function roleSelect(actor: Actor) {
  return {
    members: { where: { userId: actor.id }, select: { role: true } },
    institutions: actor.institutionId
      ? { where: { institutionId: actor.institutionId, institution: { deletedAt: null } }, select: { role: true } }
      : { where: { id: "" }, select: { role: true } },
  } as const;
}

export type IdeaContext = {
  idea: {
    id: string;
    reference: string;
    intakeId: string;
    title: string;
    category: IdeaCategory;
    status: IdeaStatus;
    assigneeId: string | null;
    duplicateOfId: string | null;
    closedAt: Date | null;
    contactErasedAt: Date | null;
    version: number;
    workspaceId: string | null;
  };
  access: IdeaAccess;
};

/** The idea and the actor's standing towards it, in one query; 404 when not visible. */
export async function loadIdeaAccess(actor: Actor, ideaId: string): Promise<IdeaContext> {
  const row = await db.idea.findFirst({
    where: { id: ideaId, ...ideasInboxWhere(actor) },
    select: {
      id: true,
      reference: true,
      intakeId: true,
      title: true,
      category: true,
      status: true,
      assigneeId: true,
      duplicateOfId: true,
      closedAt: true,
      contactErasedAt: true,
      version: true,
      intake: { select: { workspaceId: true, workspace: { select: roleSelect(actor) } } },
    },
  });
  if (!row) notFound();
  const { intake, ...idea } = row;
  const ws = intake.workspace;
  const workspaceRole: WorkspaceRole | null = ws ? strongerRole(ws.members[0]?.role, ws.institutions[0]?.role) : null;
  const access: IdeaAccess = { workspaceRole };
  if (!canIdea(actor, "view", access)) notFound();
  return { idea: { ...idea, workspaceId: intake.workspaceId }, access };
}

/** Loads the idea (404 if invisible) and enforces `action` (403, audited, if not allowed). */
export async function requireIdea(user: AuthUser, ideaId: string, action: IdeaAction, ip?: string): Promise<IdeaContext> {
  const ctx = await loadIdeaAccess(user, ideaId);
  await authorize(user, canIdea(user, action, ctx.access), { action: `idea.${action}`, entityType: "Idea", entityId: ideaId, ip });
  return ctx;
}

/**
 * The actor's standing towards the inbox as a whole (the strongest role in any designated
 * workspace they can see), or null when they have no inbox at all (→ 404). One query.
 */
export async function loadInboxAccess(actor: Actor): Promise<IdeaAccess | null> {
  if (isIdeasCoordinator(actor)) return { workspaceRole: null };
  const intakes = await db.ideaIntake.findMany({
    where: handledIntakesWhere(actor),
    select: { workspace: { select: roleSelect(actor) } },
  });
  let role: WorkspaceRole | null = null;
  for (const i of intakes) {
    if (!i.workspace) continue;
    role = strongerRole(role, strongerRole(i.workspace.members[0]?.role, i.workspace.institutions[0]?.role));
  }
  return role ? { workspaceRole: role } : null;
}

/** The inbox (404 when the person handles no ideas) with `action` enforced (403, audited). */
export async function requireInbox(user: AuthUser, action: IdeaAction = "view", ip?: string): Promise<IdeaAccess> {
  const access = await loadInboxAccess(user);
  if (!access) notFound();
  await authorize(user, canIdea(user, action, access), { action: `idea.${action}`, entityType: "Idea", ip });
  return access;
}
