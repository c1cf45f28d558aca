// Who may do what with one document of a library: the review workflow (Szkic → Do przeglądu →
// Zatwierdzony or back to Szkic) and the edit lock ("Edytuję ten plik"). Pure: the same answers
// drive loaders, actions and the UI. The workspace-level rules (workspaces.policy.ts) still apply
// first; this adds what depends on the document itself.
//
//   requestReview  EDITOR+, the document is a draft and nobody else has it checked out
//   cancelReview   EDITOR+, the document is in review
//   approve/return an OWNER or a named reviewer of the open review (any role that sees the
//                  workspace, VIEWER included), the document is in review
//   lock           EDITOR+, nobody has it checked out
//   unlock         the lock's owner (whatever their role now), or an OWNER for anyone's lock
//   uploadVersion, restoreVersion, rename, move, trash
//                  EDITOR+, and not checked out by someone else (an OWNER releases it first)
//
// An archived workspace is read-only: nothing here is allowed there.
import type { Actor } from "~/modules/auth/actor";
import type { DocumentStatus, WorkspaceRole } from "~/generated/prisma/enums";

export type DocumentAction =
  | "requestReview"
  | "cancelReview"
  | "approve"
  | "return"
  | "lock"
  | "unlock"
  | "uploadVersion"
  | "restoreVersion"
  | "rename"
  | "move"
  | "trash";

export const DOCUMENT_ACTIONS: DocumentAction[] = [
  "requestReview",
  "cancelReview",
  "approve",
  "return",
  "lock",
  "unlock",
  "uploadVersion",
  "restoreVersion",
  "rename",
  "move",
  "trash",
];

export type DocumentAccess = {
  /** The actor's effective role in the workspace (null: not a member). */
  role: WorkspaceRole | null;
  archived: boolean;
  /** The actor is a named reviewer of the document's open review. */
  isReviewer: boolean;
  /** Checked out ("Edytuję ten plik") by someone else. */
  lockedByOther: boolean;
  /** Checked out by the actor. Never true together with `lockedByOther`. */
  lockedBySelf?: boolean;
  status: DocumentStatus;
};

/**
 * Why an action is refused — the server answers differently: `role`/`archived` → 403 (audited),
 * `locked` → 409 with who has the file, `status`/`notLocked` → 409 (the page was out of date).
 */
export type DocumentDenial = "role" | "archived" | "status" | "locked" | "notLocked";

const RANK: Record<WorkspaceRole, number> = { VIEWER: 1, EDITOR: 2, OWNER: 3 };
const atLeast = (role: WorkspaceRole | null, min: WorkspaceRole) => role !== null && RANK[role] >= RANK[min];

/** null when allowed, else the first reason it is not. */
export function documentDenial(_actor: Actor, action: DocumentAction, doc: DocumentAccess): DocumentDenial | null {
  const { role, status, lockedByOther } = doc;
  const lockedBySelf = !!doc.lockedBySelf && !lockedByOther;
  if (role === null) return "role";
  if (doc.archived) return "archived";
  const editor = atLeast(role, "EDITOR");
  switch (action) {
    case "requestReview":
      if (!editor) return "role";
      if (status !== "DRAFT") return "status";
      return lockedByOther ? "locked" : null;
    case "cancelReview":
      if (!editor) return "role";
      return status === "IN_REVIEW" ? null : "status";
    case "approve":
    case "return":
      // Without an open review there is nobody to be a reviewer: the page is out of date.
      if (status !== "IN_REVIEW") return "status";
      return role === "OWNER" || doc.isReviewer ? null : "role";
    case "lock":
      if (!editor) return "role";
      return lockedByOther || lockedBySelf ? "locked" : null;
    case "unlock":
      if (!lockedByOther && !lockedBySelf) return "notLocked";
      return lockedBySelf || role === "OWNER" ? null : "role";
    case "uploadVersion":
    case "restoreVersion":
    case "rename":
    case "move":
    case "trash":
      if (!editor) return "role";
      return lockedByOther ? "locked" : null;
  }
}

export function canDocument(actor: Actor, action: DocumentAction, doc: DocumentAccess): boolean {
  return documentDenial(actor, action, doc) === null;
}

/** The allowed actions, for the UI to show or hide controls (never trusted on the server). */
export function allowedDocumentActions(actor: Actor, doc: DocumentAccess): Record<DocumentAction, boolean> {
  return Object.fromEntries(DOCUMENT_ACTIONS.map((a) => [a, canDocument(actor, a, doc)])) as Record<DocumentAction, boolean>;
}
