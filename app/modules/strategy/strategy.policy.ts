// Who may do what with a strategy draft. Pure: derived from the workspace role (workspaces.policy),
// so the same answers drive loaders, actions, the co-editing server and the UI.
import type { Actor } from "~/modules/auth/actor";
import type { WorkspaceRole } from "~/generated/prisma/enums";

export type DraftAction = "view" | "edit" | "rename" | "trash" | "restore";

/** The actor's effective workspace role (null: not a member) and the draft's standing. */
export type DraftAccess = {
  role: WorkspaceRole | null;
  /** The workspace is archived: everything in it is read-only. */
  archived: boolean;
  /** The actor created this draft (may put it in the trash even as an EDITOR). */
  creator: boolean;
};

const RANK: Record<WorkspaceRole, number> = { VIEWER: 1, EDITOR: 2, OWNER: 3 };
const atLeast = (role: WorkspaceRole | null, min: WorkspaceRole) => role !== null && RANK[role] >= RANK[min];

export function canDraft(_actor: Actor, action: DraftAction, d: DraftAccess): boolean {
  switch (action) {
    case "view":
      return d.role !== null;
    // Writing the body over the WebSocket and renaming: EDITOR and OWNER, never in an archived workspace.
    case "edit":
    case "rename":
      return atLeast(d.role, "EDITOR") && !d.archived;
    // The trash: the workspace OWNER, or the EDITOR who created the draft.
    case "trash":
    case "restore":
      return !d.archived && (atLeast(d.role, "OWNER") || (d.creator && atLeast(d.role, "EDITOR")));
  }
}

/** New drafts: EDITOR and OWNER of a workspace that is not archived. */
export function canCreateDraft(_actor: Actor, ws: { role: WorkspaceRole | null; archived: boolean }): boolean {
  return atLeast(ws.role, "EDITOR") && !ws.archived;
}

export const DRAFT_ACTIONS: DraftAction[] = ["view", "edit", "rename", "trash", "restore"];

/** The allowed actions, for the UI (never trusted back on the server). */
export function allowedDraftActions(actor: Actor, d: DraftAccess): Record<DraftAction, boolean> {
  return Object.fromEntries(DRAFT_ACTIONS.map((a) => [a, canDraft(actor, a, d)])) as Record<DraftAction, boolean>;
}
