// Membership resolution: the one place that decides who is in which workspace.
import type { Prisma } from "~/generated/prisma/client";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import type { Actor } from "~/modules/auth/actor";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { canWorkspace, strongerRole, type WorkspaceAction } from "./workspaces.policy";

/**
 * Prisma filter for "workspaces this person may see": a direct member, or their institution is.
 * Platform administrators see every workspace (they run the platform; see ADR 0008).
 * An institution in the trash grants nothing until it is restored (its membership rows stay).
 */
export function visibleWorkspacesWhere(actor: Actor): Prisma.WorkspaceWhereInput {
  if (actor.isAdmin) return {};
  const or: Prisma.WorkspaceWhereInput[] = [{ members: { some: { userId: actor.id } } }];
  if (actor.institutionId) or.push({ institutions: { some: activeInstitutionGrant(actor.institutionId) } });
  return { OR: or };
}

function activeInstitutionGrant(institutionId: string): Prisma.WorkspaceInstitutionWhereInput {
  return { institutionId, institution: { deletedAt: null } };
}

export type WorkspaceContext = {
  workspace: { id: string; name: string; description: string; color: string; icon: string; archivedAt: Date | null; owningInstitutionId: string };
  role: WorkspaceRole;
  archived: boolean;
};

/** The workspace and the actor's effective role in it, in one query; 404 when not visible. */
export async function loadWorkspaceAccess(actor: Actor, workspaceId: string): Promise<WorkspaceContext> {
  const ws = await db.workspace.findFirst({
    where: { id: workspaceId, ...visibleWorkspacesWhere(actor) },
    select: {
      id: true,
      name: true,
      description: true,
      color: true,
      icon: true,
      archivedAt: true,
      owningInstitutionId: true,
      members: { where: { userId: actor.id }, select: { role: true } },
      institutions: actor.institutionId ? { where: activeInstitutionGrant(actor.institutionId), select: { role: true } } : { where: { id: "" }, select: { role: true } },
    },
  });
  if (!ws) notFound();
  const { members, institutions, ...workspace } = ws;
  const role = actor.isAdmin ? "OWNER" : strongerRole(members[0]?.role, institutions[0]?.role);
  if (!role) notFound();
  return { workspace, role, archived: !!workspace.archivedAt };
}

/** Loads the workspace (404 if invisible) and enforces `action` (403, audited, if not allowed). */
export async function requireWorkspace(
  user: AuthUser,
  workspaceId: string,
  action: WorkspaceAction,
  ip?: string,
): Promise<WorkspaceContext> {
  const ctx = await loadWorkspaceAccess(user, workspaceId);
  await authorize(user, canWorkspace(user, action, { role: ctx.role, archived: ctx.archived }), {
    action: `workspace.${action}`,
    entityType: "Workspace",
    entityId: workspaceId,
    ip,
  });
  return ctx;
}
