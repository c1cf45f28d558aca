// The authorization table for one document, written out in full: every role × every action in
// each situation a document can be in (status × reviewer × lock × archived). A change in the
// rules must change a line here, on purpose.
import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/auth/actor";
import type { DocumentStatus, WorkspaceRole } from "~/generated/prisma/enums";
import { allowedDocumentActions, canDocument, DOCUMENT_ACTIONS, documentDenial, type DocumentAccess, type DocumentAction } from "./document.policy";

const T = true;
const F = false;

const actor: Actor = { id: "someone", isAdmin: false, institutionId: "inst-a", institutionRole: "MEMBER" };

type RoleName = WorkspaceRole | "none";
type Row = Record<DocumentAction, boolean>;
type Lock = "none" | "self" | "other";
type Situation = { status: DocumentStatus; isReviewer: boolean; lock: Lock; archived: boolean };

const NOTHING: Row = { requestReview: F, cancelReview: F, approve: F, return: F, lock: F, unlock: F, uploadVersion: F, restoreVersion: F, rename: F, move: F, trash: F };

const situations: Record<string, { doc: Situation; expected: Record<RoleName, Row> }> = {
  "draft, not checked out": {
    doc: { status: "DRAFT", isReviewer: F, lock: "none", archived: F },
    expected: {
      OWNER:  { requestReview: T, cancelReview: F, approve: F, return: F, lock: T, unlock: F, uploadVersion: T, restoreVersion: T, rename: T, move: T, trash: T },
      EDITOR: { requestReview: T, cancelReview: F, approve: F, return: F, lock: T, unlock: F, uploadVersion: T, restoreVersion: T, rename: T, move: T, trash: T },
      VIEWER: { requestReview: F, cancelReview: F, approve: F, return: F, lock: F, unlock: F, uploadVersion: F, restoreVersion: F, rename: F, move: F, trash: F },
      none: NOTHING,
    },
  },
  "draft, checked out by me": {
    doc: { status: "DRAFT", isReviewer: F, lock: "self", archived: F },
    expected: {
      OWNER:  { requestReview: T, cancelReview: F, approve: F, return: F, lock: F, unlock: T, uploadVersion: T, restoreVersion: T, rename: T, move: T, trash: T },
      EDITOR: { requestReview: T, cancelReview: F, approve: F, return: F, lock: F, unlock: T, uploadVersion: T, restoreVersion: T, rename: T, move: T, trash: T },
      // Demoted since checking it out: may still give the lock back.
      VIEWER: { requestReview: F, cancelReview: F, approve: F, return: F, lock: F, unlock: T, uploadVersion: F, restoreVersion: F, rename: F, move: F, trash: F },
      none: NOTHING,
    },
  },
  "draft, checked out by someone else": {
    doc: { status: "DRAFT", isReviewer: F, lock: "other", archived: F },
    expected: {
      OWNER:  { requestReview: F, cancelReview: F, approve: F, return: F, lock: F, unlock: T, uploadVersion: F, restoreVersion: F, rename: F, move: F, trash: F },
      EDITOR: { requestReview: F, cancelReview: F, approve: F, return: F, lock: F, unlock: F, uploadVersion: F, restoreVersion: F, rename: F, move: F, trash: F },
      VIEWER: { requestReview: F, cancelReview: F, approve: F, return: F, lock: F, unlock: F, uploadVersion: F, restoreVersion: F, rename: F, move: F, trash: F },
      none: NOTHING,
    },
  },
  "in review, I am a reviewer": {
    doc: { status: "IN_REVIEW", isReviewer: T, lock: "none", archived: F },
    expected: {
      OWNER:  { requestReview: F, cancelReview: T, approve: T, return: T, lock: T, unlock: F, uploadVersion: T, restoreVersion: T, rename: T, move: T, trash: T },
      EDITOR: { requestReview: F, cancelReview: T, approve: T, return: T, lock: T, unlock: F, uploadVersion: T, restoreVersion: T, rename: T, move: T, trash: T },
      VIEWER: { requestReview: F, cancelReview: F, approve: T, return: T, lock: F, unlock: F, uploadVersion: F, restoreVersion: F, rename: F, move: F, trash: F },
      none: NOTHING,
    },
  },
  "in review, I am not a reviewer": {
    doc: { status: "IN_REVIEW", isReviewer: F, lock: "none", archived: F },
    expected: {
      OWNER:  { requestReview: F, cancelReview: T, approve: T, return: T, lock: T, unlock: F, uploadVersion: T, restoreVersion: T, rename: T, move: T, trash: T },
      EDITOR: { requestReview: F, cancelReview: T, approve: F, return: F, lock: T, unlock: F, uploadVersion: T, restoreVersion: T, rename: T, move: T, trash: T },
      VIEWER: { requestReview: F, cancelReview: F, approve: F, return: F, lock: F, unlock: F, uploadVersion: F, restoreVersion: F, rename: F, move: F, trash: F },
      none: NOTHING,
    },
  },
  "in review, I am a reviewer, checked out by someone else": {
    doc: { status: "IN_REVIEW", isReviewer: T, lock: "other", archived: F },
    expected: {
      OWNER:  { requestReview: F, cancelReview: T, approve: T, return: T, lock: F, unlock: T, uploadVersion: F, restoreVersion: F, rename: F, move: F, trash: F },
      EDITOR: { requestReview: F, cancelReview: T, approve: T, return: T, lock: F, unlock: F, uploadVersion: F, restoreVersion: F, rename: F, move: F, trash: F },
      VIEWER: { requestReview: F, cancelReview: F, approve: T, return: T, lock: F, unlock: F, uploadVersion: F, restoreVersion: F, rename: F, move: F, trash: F },
      none: NOTHING,
    },
  },
  "approved, not checked out": {
    doc: { status: "APPROVED", isReviewer: F, lock: "none", archived: F },
    expected: {
      OWNER:  { requestReview: F, cancelReview: F, approve: F, return: F, lock: T, unlock: F, uploadVersion: T, restoreVersion: T, rename: T, move: T, trash: T },
      EDITOR: { requestReview: F, cancelReview: F, approve: F, return: F, lock: T, unlock: F, uploadVersion: T, restoreVersion: T, rename: T, move: T, trash: T },
      VIEWER: { requestReview: F, cancelReview: F, approve: F, return: F, lock: F, unlock: F, uploadVersion: F, restoreVersion: F, rename: F, move: F, trash: F },
      none: NOTHING,
    },
  },
  "approved, checked out by someone else": {
    doc: { status: "APPROVED", isReviewer: F, lock: "other", archived: F },
    expected: {
      OWNER:  { requestReview: F, cancelReview: F, approve: F, return: F, lock: F, unlock: T, uploadVersion: F, restoreVersion: F, rename: F, move: F, trash: F },
      EDITOR: NOTHING,
      VIEWER: NOTHING,
      none: NOTHING,
    },
  },
  // Archived workspaces are read-only: not even the lock's owner or a reviewer acts.
  "archived, in review, I am a reviewer, checked out by me": {
    doc: { status: "IN_REVIEW", isReviewer: T, lock: "self", archived: T },
    expected: { OWNER: NOTHING, EDITOR: NOTHING, VIEWER: NOTHING, none: NOTHING },
  },
};

const access = (role: RoleName, doc: Situation): DocumentAccess => ({
  role: role === "none" ? null : role,
  archived: doc.archived,
  isReviewer: doc.isReviewer,
  lockedByOther: doc.lock === "other",
  lockedBySelf: doc.lock === "self",
  status: doc.status,
});

const rows = Object.entries(situations).flatMap(([name, { doc, expected }]) =>
  (Object.keys(expected) as RoleName[]).flatMap((role) => DOCUMENT_ACTIONS.map((action) => [name, role, action, expected[role][action], doc] as const)),
);

describe("canDocument", () => {
  it("the table names every role and every action in every situation", () => {
    for (const { expected } of Object.values(situations)) {
      expect(Object.keys(expected).sort()).toEqual(["EDITOR", "OWNER", "VIEWER", "none"]);
      for (const row of Object.values(expected)) expect(Object.keys(row).sort()).toEqual([...DOCUMENT_ACTIONS].sort());
    }
    expect(rows).toHaveLength(Object.keys(situations).length * 4 * DOCUMENT_ACTIONS.length);
  });

  it.each(rows)("%s, %s → %s: %s", (_name, role, action, expected, doc) => {
    expect(canDocument(actor, action, access(role, doc))).toBe(expected);
  });

  it("allowedDocumentActions gives the same answers as canDocument", () => {
    for (const [, { doc, expected }] of Object.entries(situations)) {
      for (const role of Object.keys(expected) as RoleName[]) expect(allowedDocumentActions(actor, access(role, doc))).toEqual(expected[role]);
    }
  });
});

// Every combination, not only the tabled ones: the rules that must never break.
const ROLES: RoleName[] = ["OWNER", "EDITOR", "VIEWER", "none"];
const STATUSES: DocumentStatus[] = ["DRAFT", "IN_REVIEW", "APPROVED"];
const LOCKS: Lock[] = ["none", "self", "other"];
const everything = ROLES.flatMap((role) =>
  STATUSES.flatMap((status) => LOCKS.flatMap((lock) => [T, F].flatMap((isReviewer) => [T, F].map((archived) => ({ role, doc: { status, lock, isReviewer, archived } }))))),
);

describe("canDocument, every combination", () => {
  it("nobody outside the workspace and nobody in an archived one may do anything", () => {
    for (const { role, doc } of everything) {
      if (role !== "none" && !doc.archived) continue;
      expect(allowedDocumentActions(actor, access(role, doc))).toEqual(NOTHING);
    }
  });

  it("a file checked out by someone else cannot change content, name or place, for anyone", () => {
    for (const { role, doc } of everything.filter((e) => e.doc.lock === "other")) {
      for (const action of ["uploadVersion", "restoreVersion", "rename", "move", "trash", "lock", "requestReview"] as const) {
        expect(canDocument(actor, action, access(role, doc)), `${role} ${JSON.stringify(doc)} ${action}`).toBe(false);
      }
    }
  });

  it("approving and returning need an open review and an OWNER or a named reviewer", () => {
    for (const { role, doc } of everything) {
      const expected = !doc.archived && role !== "none" && doc.status === "IN_REVIEW" && (role === "OWNER" || doc.isReviewer);
      expect(canDocument(actor, "approve", access(role, doc))).toBe(expected);
      expect(canDocument(actor, "return", access(role, doc))).toBe(expected);
    }
  });

  it("says why, so the server can answer 403 or 409", () => {
    const draft = { status: "DRAFT", isReviewer: F, lock: "none", archived: F } as const;
    expect(documentDenial(actor, "requestReview", access("VIEWER", draft))).toBe("role");
    expect(documentDenial(actor, "approve", access("EDITOR", { ...draft, status: "IN_REVIEW" }))).toBe("role");
    expect(documentDenial(actor, "approve", access("OWNER", draft))).toBe("status");
    expect(documentDenial(actor, "cancelReview", access("EDITOR", draft))).toBe("status");
    expect(documentDenial(actor, "uploadVersion", access("OWNER", { ...draft, lock: "other" }))).toBe("locked");
    expect(documentDenial(actor, "lock", access("EDITOR", { ...draft, lock: "self" }))).toBe("locked");
    expect(documentDenial(actor, "unlock", access("OWNER", draft))).toBe("notLocked");
    expect(documentDenial(actor, "unlock", access("EDITOR", { ...draft, lock: "other" }))).toBe("role");
    expect(documentDenial(actor, "rename", access("EDITOR", { ...draft, archived: T }))).toBe("archived");
    expect(documentDenial(actor, "rename", access("none", draft))).toBe("role");
  });
});
