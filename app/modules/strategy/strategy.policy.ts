// Who may do what with a strategy draft. Pure: derived from the workspace role (workspaces.policy),
// so the same answers drive loaders, actions, the co-editing server and the UI.
import type { Actor } from "~/modules/auth/actor";
import type { WorkspaceRole } from "~/generated/prisma/enums";

export type DraftAction =
  | "view"
  | "edit"
  | "rename"
  | "trash"
  | "restore"
  // Versions and the review workflow (versions.server.ts, review.server.ts):
  | "nameVersion"
  | "restoreVersion"
  | "requestReview"
  | "cancelReview"
  | "approve"
  | "return"
  // Comments anchored to the text (comments.server.ts): VIEWER and up, see canDraftComment.
  | "comment";

/** The actor's effective workspace role (null: not a member) and the draft's standing. */
export type DraftAccess = {
  role: WorkspaceRole | null;
  /** The workspace is archived: everything in it is read-only. */
  archived: boolean;
  /** The actor created this draft (may put it in the trash even as an EDITOR). */
  creator: boolean;
  /** The review status (DRAFT, IN_REVIEW, APPROVED); only the review actions read it. */
  status?: string;
  /** The actor is a named reviewer of the draft's open review. */
  isReviewer?: boolean;
};

const RANK: Record<WorkspaceRole, number> = { VIEWER: 1, EDITOR: 2, OWNER: 3 };
const atLeast = (role: WorkspaceRole | null, min: WorkspaceRole) => role !== null && RANK[role] >= RANK[min];

/**
 * Why an action is refused: "role" (403, audited) or "status" (409: the page was out of date), or
 * null when allowed. Review rules mirror the library (document.policy.ts):
 *   nameVersion, restoreVersion  EDITOR+
 *   requestReview                EDITOR+, the draft is a DRAFT
 *   cancelReview                 EDITOR+, the draft is IN_REVIEW
 *   approve, return              the draft is IN_REVIEW; an OWNER or a named reviewer (any role)
 * An archived workspace is read-only: none of them is allowed there.
 */
export function draftDenial(actor: Actor, action: DraftAction, d: DraftAccess): "role" | "status" | null {
  const status = d.status ?? "DRAFT";
  switch (action) {
    case "nameVersion":
    case "restoreVersion":
      return atLeast(d.role, "EDITOR") && !d.archived ? null : "role";
    case "requestReview":
      if (!atLeast(d.role, "EDITOR") || d.archived) return "role";
      return status === "DRAFT" ? null : "status";
    case "cancelReview":
      if (!atLeast(d.role, "EDITOR") || d.archived) return "role";
      return status === "IN_REVIEW" ? null : "status";
    case "approve":
    case "return":
      if (d.role === null || d.archived) return "role";
      if (status !== "IN_REVIEW") return "status";
      return d.role === "OWNER" || d.isReviewer ? null : "role";
    default:
      return canDraft(actor, action, d) ? null : "role";
  }
}

export function canDraft(actor: Actor, action: DraftAction, d: DraftAccess): boolean {
  switch (action) {
    case "nameVersion":
    case "restoreVersion":
    case "requestReview":
    case "cancelReview":
    case "approve":
    case "return":
      return draftDenial(actor, action, d) === null;
    case "view":
      return d.role !== null;
    case "comment":
      return canDraftComment(actor, "create", d);
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

export const DRAFT_ACTIONS: DraftAction[] = ["view", "edit", "rename", "trash", "restore", "nameVersion", "restoreVersion", "requestReview", "cancelReview", "approve", "return", "comment"];

export type DraftCommentAction = "create" | "edit" | "delete" | "resolve";
export const DRAFT_COMMENT_ACTIONS: DraftCommentAction[] = ["create", "edit", "delete", "resolve"];

/**
 * Comments on a draft ("VIEWER: read and comment"): every member writes comments and replies; the
 * author edits and deletes their own; a thread is resolved or reopened by an EDITOR or OWNER, or by
 * the person who started it (`authorId` = the thread's author). Archived workspaces are read-only.
 */
export function canDraftComment(actor: Actor, action: DraftCommentAction, d: DraftAccess, authorId?: string | null): boolean {
  if (d.role === null || d.archived) return false;
  const own = !!authorId && authorId === actor.id;
  switch (action) {
    case "create":
      return true;
    case "edit":
    case "delete":
      return own;
    case "resolve":
      return own || atLeast(d.role, "EDITOR");
  }
}

/** The allowed actions, for the UI (never trusted back on the server). */
export function allowedDraftActions(actor: Actor, d: DraftAccess): Record<DraftAction, boolean> {
  return Object.fromEntries(DRAFT_ACTIONS.map((a) => [a, canDraft(actor, a, d)])) as Record<DraftAction, boolean>;
}
