// Who may do what in a workspace. Pure: the same answers drive loaders, actions and the UI.
import type { Actor } from "~/modules/auth/actor";
import type { WorkspaceRole } from "~/generated/prisma/enums";

export type WorkspaceAction =
  | "view"
  | "comment"
  | "updateSettings"
  | "archive"
  | "manageMembers"
  | "addContent"
  | "editContent"
  | "deleteContent"
  | "viewTrash"
  | "restoreFromTrash"
  | "purgeTrash";

/** `role` is the actor's effective role here (null: not a member — the workspace is invisible). */
export type WorkspaceAccess = { role: WorkspaceRole | null; archived: boolean };

const RANK: Record<WorkspaceRole, number> = { VIEWER: 1, EDITOR: 2, OWNER: 3 };

/** The stronger of two roles (a person may be a member directly and through their institution). */
export function strongerRole(a: WorkspaceRole | null | undefined, b: WorkspaceRole | null | undefined): WorkspaceRole | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

function atLeast(role: WorkspaceRole | null, min: WorkspaceRole) {
  return role !== null && RANK[role] >= RANK[min];
}

export function canWorkspace(_actor: Actor, action: WorkspaceAction, ws: WorkspaceAccess): boolean {
  const { role, archived } = ws;
  switch (action) {
    case "view":
    case "viewTrash":
      return role !== null;
    case "comment":
      return role !== null && !archived;
    // Archived workspaces are read-only until an OWNER unarchives them.
    case "addContent":
    case "editContent":
    case "deleteContent":
      return atLeast(role, "EDITOR") && !archived;
    case "archive":
    case "updateSettings":
    case "manageMembers":
    case "restoreFromTrash":
    case "purgeTrash":
      return atLeast(role, "OWNER");
  }
}

/** Coordinators and administrators create workspaces (they become OWNER). */
export function canCreateWorkspace(actor: Actor): boolean {
  return actor.isAdmin || actor.institutionRole === "COORDINATOR";
}

export const WORKSPACE_ACTIONS: WorkspaceAction[] = [
  "view",
  "comment",
  "updateSettings",
  "archive",
  "manageMembers",
  "addContent",
  "editContent",
  "deleteContent",
  "viewTrash",
  "restoreFromTrash",
  "purgeTrash",
];

/** The allowed actions, for the UI to show or hide controls (never trusted on the server). */
export function allowedWorkspaceActions(actor: Actor, ws: WorkspaceAccess): Record<WorkspaceAction, boolean> {
  return Object.fromEntries(WORKSPACE_ACTIONS.map((a) => [a, canWorkspace(actor, a, ws)])) as Record<WorkspaceAction, boolean>;
}
