// Who may do what with residents' ideas (Pomysły). Pure: the same answers drive loaders, actions
// and the UI. The ONE place these rules live; access.server.ts only resolves the facts below.
//
// Who sees the inbox and an idea:
// - platform administrators;
// - coordinators of any partner institution (the partnership handles the ideas together);
// - members (directly or through their institution) of the designated workspace of the idea's
//   intake period.
// Everybody else gets 404 for an idea.
import type { Actor } from "~/modules/auth/actor";
import type { WorkspaceRole } from "~/generated/prisma/enums";

export type IdeaAction =
  | "view"
  | "comment"
  | "score"
  | "changeStatus"
  | "assign"
  | "tag"
  | "merge"
  | "link"
  | "createTask"
  | "eraseContact"
  | "export"
  | "manageIntakes";

export const IDEA_ACTIONS: IdeaAction[] = [
  "view",
  "comment",
  "score",
  "changeStatus",
  "assign",
  "tag",
  "merge",
  "link",
  "createTask",
  "eraseContact",
  "export",
  "manageIntakes",
];

/**
 * The actor's standing towards one idea (or the inbox as a whole), resolved by access.server.ts:
 * - `workspaceRole`: their effective role in the designated workspace of the idea's intake
 *   (for the inbox as a whole: the strongest role in any designated workspace), null if none;
 * - `deleted`: the idea is in the trash (nobody but administrators sees it).
 */
export type IdeaAccess = { workspaceRole: WorkspaceRole | null; deleted?: boolean };

/** Administrators and coordinators of a partner institution. */
export function isIdeasCoordinator(actor: Actor): boolean {
  return actor.isAdmin || (actor.institutionRole === "COORDINATOR" && !!actor.institutionId);
}

/** Opening, editing and closing intake periods: administrators and coordinators. */
export function canManageIntakes(actor: Actor): boolean {
  return isIdeasCoordinator(actor);
}

const RANK: Record<WorkspaceRole, number> = { VIEWER: 1, EDITOR: 2, OWNER: 3 };

function atLeastEditor(role: WorkspaceRole | null): boolean {
  return role !== null && RANK[role] >= RANK.EDITOR;
}

export function canIdea(actor: Actor, action: IdeaAction, idea: IdeaAccess): boolean {
  const coordinator = isIdeasCoordinator(actor);
  if (idea.deleted && !actor.isAdmin) return false;
  const visible = coordinator || idea.workspaceRole !== null;
  if (!visible) return false;
  switch (action) {
    // Everyone who handles the ideas reads them and discusses them internally.
    case "view":
    case "comment":
      return true;
    // Partners' work on an idea: coordinators, and editors/owners of the designated workspace
    // (viewers of the workspace read and comment only).
    case "score":
    case "tag":
    case "link":
    case "changeStatus":
    case "assign":
    case "merge":
    case "createTask":
    case "export":
      return coordinator || atLeastEditor(idea.workspaceRole);
    // Personal data (RODO): erasing contact data on request is the coordinators' duty.
    case "eraseContact":
      return coordinator;
    case "manageIntakes":
      return canManageIntakes(actor);
  }
}

/** The allowed actions, for the UI to show or hide controls (never trusted on the server). */
export function allowedIdeaActions(actor: Actor, idea: IdeaAccess): Record<IdeaAction, boolean> {
  return Object.fromEntries(IDEA_ACTIONS.map((a) => [a, canIdea(actor, a, idea)])) as Record<IdeaAction, boolean>;
}
