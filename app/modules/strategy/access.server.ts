// Strategy drafts: the one place that decides who reaches which draft. A draft is visible to whoever
// sees its workspace (workspaces/access.server.ts); a trashed draft is invisible (404) outside the
// trash. Used by the routes and, on every connect and write, by the co-editing server.
import type { Actor } from "~/modules/auth/actor";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { loadWorkspaceAccess, type WorkspaceContext } from "~/modules/workspaces/access.server";
import { db } from "~/utils/db.server";
import { canDraft, type DraftAccess, type DraftAction } from "./strategy.policy";

export type DraftContext = {
  draft: { id: string; workspaceId: string; title: string; version: number; createdById: string; reviewStatus: string };
  workspace: WorkspaceContext["workspace"];
  access: DraftAccess;
};

const draftSelect = { id: true, workspaceId: true, title: true, version: true, createdById: true, reviewStatus: true } as const;

/**
 * The draft and the actor's standing in it; 404 when the workspace is not visible, the draft is in
 * the trash, or (with `workspaceId`) the draft belongs to another workspace than the URL says.
 */
export async function loadDraftAccess(actor: Actor, draftId: string, opts: { workspaceId?: string; trashed?: boolean } = {}): Promise<DraftContext> {
  const draft = await db.strategyDraft.findFirst({
    where: { id: draftId, deletedAt: opts.trashed ? { not: null } : null, ...(opts.workspaceId ? { workspaceId: opts.workspaceId } : {}) },
    select: draftSelect,
  });
  if (!draft) notFound();
  const ws = await loadWorkspaceAccess(actor, draft.workspaceId);
  const access: DraftAccess = { role: ws.role, archived: ws.archived, creator: draft.createdById === actor.id };
  if (!canDraft(actor, "view", access)) notFound();
  return { draft, workspace: ws.workspace, access };
}

/** Loads the draft (404 if invisible) and enforces `action` (403, audited, if not allowed). */
export async function requireDraft(
  user: AuthUser,
  draftId: string,
  action: DraftAction,
  opts: { workspaceId?: string; trashed?: boolean; ip?: string } = {},
): Promise<DraftContext> {
  const ctx = await loadDraftAccess(user, draftId, opts);
  await authorize(user, canDraft(user, action, ctx.access), { action: `strategy.${action}`, entityType: "StrategyDraft", entityId: draftId, ip: opts.ip });
  return ctx;
}

/**
 * For the co-editing server: "edit", "view" or null (no access: not signed in any more, not a
 * member, draft trashed or gone). Never throws.
 */
export async function collabAccess(actor: Actor, draftId: string): Promise<"edit" | "view" | null> {
  try {
    const ctx = await loadDraftAccess(actor, draftId);
    return canDraft(actor, "edit", ctx.access) ? "edit" : "view";
  } catch {
    return null;
  }
}
