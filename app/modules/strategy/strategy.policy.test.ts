// The authorization table for strategy drafts, written out in full: role × archived × creator ×
// action. Nothing re-derives the policy: a change in the rules must change a line here, on purpose.
import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/auth/actor";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import { allowedDraftActions, canCreateDraft, canDraft, canDraftComment, DRAFT_ACTIONS, DRAFT_COMMENT_ACTIONS, draftDenial, type DraftAction, type DraftCommentAction } from "./strategy.policy";

const actor: Actor = { id: "u1", isAdmin: false, institutionId: "i1", institutionRole: "MEMBER" };
const T = true;
const F = false;

type Row = [role: WorkspaceRole | null, archived: boolean, creator: boolean, expected: Record<DraftAction, boolean>, create: boolean];

// prettier-ignore
const TABLE: Row[] = [
  // role       archived creator   view edit rename trash restore | versions: name restore | review (a DRAFT): request cancel approve return | comment   create
  [null,        F, F, { view: F, edit: F, rename: F, trash: F, restore: F, nameVersion: F, restoreVersion: F, requestReview: F, cancelReview: F, approve: F, return: F, comment: F }, F],
  [null,        F, T, { view: F, edit: F, rename: F, trash: F, restore: F, nameVersion: F, restoreVersion: F, requestReview: F, cancelReview: F, approve: F, return: F, comment: F }, F],
  ["VIEWER",    F, F, { view: T, edit: F, rename: F, trash: F, restore: F, nameVersion: F, restoreVersion: F, requestReview: F, cancelReview: F, approve: F, return: F, comment: T }, F],
  ["VIEWER",    F, T, { view: T, edit: F, rename: F, trash: F, restore: F, nameVersion: F, restoreVersion: F, requestReview: F, cancelReview: F, approve: F, return: F, comment: T }, F],
  ["EDITOR",    F, F, { view: T, edit: T, rename: T, trash: F, restore: F, nameVersion: T, restoreVersion: T, requestReview: T, cancelReview: F, approve: F, return: F, comment: T }, T],
  ["EDITOR",    F, T, { view: T, edit: T, rename: T, trash: T, restore: T, nameVersion: T, restoreVersion: T, requestReview: T, cancelReview: F, approve: F, return: F, comment: T }, T],
  ["OWNER",     F, F, { view: T, edit: T, rename: T, trash: T, restore: T, nameVersion: T, restoreVersion: T, requestReview: T, cancelReview: F, approve: F, return: F, comment: T }, T],
  ["VIEWER",    T, F, { view: T, edit: F, rename: F, trash: F, restore: F, nameVersion: F, restoreVersion: F, requestReview: F, cancelReview: F, approve: F, return: F, comment: F }, F],
  ["EDITOR",    T, T, { view: T, edit: F, rename: F, trash: F, restore: F, nameVersion: F, restoreVersion: F, requestReview: F, cancelReview: F, approve: F, return: F, comment: F }, F],
  ["OWNER",     T, F, { view: T, edit: F, rename: F, trash: F, restore: F, nameVersion: F, restoreVersion: F, requestReview: F, cancelReview: F, approve: F, return: F, comment: F }, F],
];

type ReviewAction = "requestReview" | "cancelReview" | "approve" | "return";
type ReviewRow = [role: WorkspaceRole | null, archived: boolean, status: string, isReviewer: boolean, expected: Record<ReviewAction, "ok" | "role" | "status">];
const ok = "ok" as const;
const role = "role" as const;
const status = "status" as const;

// The review workflow by status (library rules): who may, and why not (403 "role" / 409 "status").
// prettier-ignore
const REVIEW: ReviewRow[] = [
  // role      archived status       reviewer   request        cancel         approve        return
  [null,       F, "IN_REVIEW",  T, { requestReview: role,   cancelReview: role,   approve: role,   return: role }],
  ["VIEWER",   F, "DRAFT",      F, { requestReview: role,   cancelReview: role,   approve: status, return: status }],
  ["VIEWER",   F, "IN_REVIEW",  F, { requestReview: role,   cancelReview: role,   approve: role,   return: role }],
  ["VIEWER",   F, "IN_REVIEW",  T, { requestReview: role,   cancelReview: role,   approve: ok,     return: ok }],
  ["EDITOR",   F, "DRAFT",      F, { requestReview: ok,     cancelReview: status, approve: status, return: status }],
  ["EDITOR",   F, "IN_REVIEW",  F, { requestReview: status, cancelReview: ok,     approve: role,   return: role }],
  ["EDITOR",   F, "IN_REVIEW",  T, { requestReview: status, cancelReview: ok,     approve: ok,     return: ok }],
  ["EDITOR",   F, "APPROVED",   F, { requestReview: status, cancelReview: status, approve: status, return: status }],
  ["OWNER",    F, "IN_REVIEW",  F, { requestReview: status, cancelReview: ok,     approve: ok,     return: ok }],
  ["OWNER",    F, "APPROVED",   F, { requestReview: status, cancelReview: status, approve: status, return: status }],
  ["OWNER",    T, "IN_REVIEW",  T, { requestReview: role,   cancelReview: role,   approve: role,   return: role }],
  ["EDITOR",   T, "DRAFT",      F, { requestReview: role,   cancelReview: role,   approve: role,   return: role }],
];

type CommentRow = [role: WorkspaceRole | null, archived: boolean, own: boolean, expected: Record<DraftCommentAction, boolean>];

// Comments (the workspace rule "VIEWER: read and comment"); `own`: the actor wrote the comment
// (for resolve: started the thread).
// prettier-ignore
const COMMENTS: CommentRow[] = [
  // role      archived own   create edit delete resolve
  [null,       F, T, { create: F, edit: F, delete: F, resolve: F }],
  ["VIEWER",   F, F, { create: T, edit: F, delete: F, resolve: F }],
  ["VIEWER",   F, T, { create: T, edit: T, delete: T, resolve: T }],
  ["EDITOR",   F, F, { create: T, edit: F, delete: F, resolve: T }],
  ["EDITOR",   F, T, { create: T, edit: T, delete: T, resolve: T }],
  ["OWNER",    F, F, { create: T, edit: F, delete: F, resolve: T }],
  ["VIEWER",   T, T, { create: F, edit: F, delete: F, resolve: F }],
  ["OWNER",    T, T, { create: F, edit: F, delete: F, resolve: F }],
];

describe("strategy draft policy", () => {
  it.each(TABLE)("role %s, archived %s, creator %s", (role, archived, creator, expected, create) => {
    for (const action of DRAFT_ACTIONS) {
      expect({ action, allowed: canDraft(actor, action, { role, archived, creator }) }).toEqual({ action, allowed: expected[action] });
    }
    expect(allowedDraftActions(actor, { role, archived, creator })).toEqual(expected);
    expect(canCreateDraft(actor, { role, archived })).toBe(create);
  });

  it.each(REVIEW)("review: role %s, archived %s, status %s, reviewer %s", (role, archived, status, isReviewer, expected) => {
    for (const action of Object.keys(expected) as ReviewAction[]) {
      const d = { role, archived, creator: false, status, isReviewer };
      const denial = draftDenial(actor, action, d);
      expect({ action, outcome: denial ?? "ok" }).toEqual({ action, outcome: expected[action] });
      expect(canDraft(actor, action, d)).toBe(expected[action] === "ok");
    }
  });

  it.each(COMMENTS)("comments: role %s, archived %s, own %s", (role, archived, own, expected) => {
    const d = { role, archived, creator: false };
    for (const action of DRAFT_COMMENT_ACTIONS) {
      expect({ action, allowed: canDraftComment(actor, action, d, own ? actor.id : "someone-else") }).toEqual({ action, allowed: expected[action] });
    }
  });
});
