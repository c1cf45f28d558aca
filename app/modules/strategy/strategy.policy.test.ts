// The authorization table for strategy drafts, written out in full: role × archived × creator ×
// action. Nothing re-derives the policy: a change in the rules must change a line here, on purpose.
import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/auth/actor";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import { allowedDraftActions, canCreateDraft, canDraft, DRAFT_ACTIONS, type DraftAction } from "./strategy.policy";

const actor: Actor = { id: "u1", isAdmin: false, institutionId: "i1", institutionRole: "MEMBER" };
const T = true;
const F = false;

type Row = [role: WorkspaceRole | null, archived: boolean, creator: boolean, expected: Record<DraftAction, boolean>, create: boolean];

// prettier-ignore
const TABLE: Row[] = [
  // role       archived creator   view edit rename trash restore            create
  [null,        F, F, { view: F, edit: F, rename: F, trash: F, restore: F }, F],
  [null,        F, T, { view: F, edit: F, rename: F, trash: F, restore: F }, F],
  ["VIEWER",    F, F, { view: T, edit: F, rename: F, trash: F, restore: F }, F],
  ["VIEWER",    F, T, { view: T, edit: F, rename: F, trash: F, restore: F }, F],
  ["EDITOR",    F, F, { view: T, edit: T, rename: T, trash: F, restore: F }, T],
  ["EDITOR",    F, T, { view: T, edit: T, rename: T, trash: T, restore: T }, T],
  ["OWNER",     F, F, { view: T, edit: T, rename: T, trash: T, restore: T }, T],
  ["VIEWER",    T, F, { view: T, edit: F, rename: F, trash: F, restore: F }, F],
  ["EDITOR",    T, T, { view: T, edit: F, rename: F, trash: F, restore: F }, F],
  ["OWNER",     T, F, { view: T, edit: F, rename: F, trash: F, restore: F }, F],
];

describe("strategy draft policy", () => {
  it.each(TABLE)("role %s, archived %s, creator %s", (role, archived, creator, expected, create) => {
    for (const action of DRAFT_ACTIONS) {
      expect({ action, allowed: canDraft(actor, action, { role, archived, creator }) }).toEqual({ action, allowed: expected[action] });
    }
    expect(allowedDraftActions(actor, { role, archived, creator })).toEqual(expected);
    expect(canCreateDraft(actor, { role, archived })).toBe(create);
  });
});
