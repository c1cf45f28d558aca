import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/auth/actor";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import { canComment, type CommentAction } from "./comments.policy";

const me: Actor = { id: "me", isAdmin: false, institutionId: "i1", institutionRole: "MEMBER" };
const ACTIONS: CommentAction[] = ["create", "edit", "delete"];

/** [role, archived, author is me] → allowed create/edit/delete */
const TABLE: [WorkspaceRole | null, boolean, boolean, [boolean, boolean, boolean]][] = [
  [null, false, true, [false, false, false]],
  ["VIEWER", false, true, [true, true, true]],
  ["VIEWER", false, false, [true, false, false]],
  ["EDITOR", false, false, [true, false, false]],
  ["OWNER", false, false, [true, false, true]],
  ["OWNER", false, true, [true, true, true]],
  ["OWNER", true, true, [false, false, false]],
  ["VIEWER", true, true, [false, false, false]],
];

describe("canComment", () => {
  it.each(TABLE)("role %s, archived %s, own %s", (role, archived, own, expected) => {
    const got = ACTIONS.map((action) => canComment(me, action, { access: { role, archived }, authorId: own ? "me" : "someone" }));
    expect(got).toEqual(expected);
  });
});
