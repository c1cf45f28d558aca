// The authorization table for residents' ideas, written out in full: every kind of person × every
// action. Nothing here re-derives the policy: a change in the rules must change a line here.
import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/auth/actor";
import { allowedIdeaActions, canIdea, canManageIntakes, IDEA_ACTIONS, type IdeaAccess, type IdeaAction } from "./ideas.policy";

const T = true;
const F = false;

type Who = "admin" | "coordinator" | "wsOwner" | "wsEditor" | "wsViewer" | "member" | "noInstitution";

const PEOPLE: Record<Who, { actor: Actor; access: IdeaAccess }> = {
  admin: { actor: { id: "a", isAdmin: true, institutionId: null, institutionRole: "MEMBER" }, access: { workspaceRole: null } },
  coordinator: { actor: { id: "c", isAdmin: false, institutionId: "i1", institutionRole: "COORDINATOR" }, access: { workspaceRole: null } },
  wsOwner: { actor: { id: "o", isAdmin: false, institutionId: "i2", institutionRole: "MEMBER" }, access: { workspaceRole: "OWNER" } },
  wsEditor: { actor: { id: "e", isAdmin: false, institutionId: "i2", institutionRole: "MEMBER" }, access: { workspaceRole: "EDITOR" } },
  wsViewer: { actor: { id: "v", isAdmin: false, institutionId: "i3", institutionRole: "MEMBER" }, access: { workspaceRole: "VIEWER" } },
  member: { actor: { id: "m", isAdmin: false, institutionId: "i3", institutionRole: "MEMBER" }, access: { workspaceRole: null } },
  noInstitution: { actor: { id: "n", isAdmin: false, institutionId: null, institutionRole: "COORDINATOR" }, access: { workspaceRole: null } },
};

//                        view comment score status assign tag merge link task erase export intakes
const TABLE: Record<Who, boolean[]> = {
  admin: /*          */ [T, T, T, T, T, T, T, T, T, T, T, T],
  coordinator: /*    */ [T, T, T, T, T, T, T, T, T, T, T, T],
  wsOwner: /*        */ [T, T, T, T, T, T, T, T, T, F, T, F],
  wsEditor: /*       */ [T, T, T, T, T, T, T, T, T, F, T, F],
  wsViewer: /*       */ [T, T, F, F, F, F, F, F, F, F, F, F],
  member: /*         */ [F, F, F, F, F, F, F, F, F, F, F, F],
  noInstitution: /*  */ [F, F, F, F, F, F, F, F, F, F, F, F],
};

const ORDER: IdeaAction[] = ["view", "comment", "score", "changeStatus", "assign", "tag", "merge", "link", "createTask", "eraseContact", "export", "manageIntakes"];

describe("ideas policy", () => {
  it("the table covers every action", () => {
    expect([...ORDER].sort()).toEqual([...IDEA_ACTIONS].sort());
  });

  for (const who of Object.keys(TABLE) as Who[]) {
    ORDER.forEach((action, i) => {
      it(`${who} ${TABLE[who][i] ? "may" : "may not"} ${action}`, () => {
        const { actor, access } = PEOPLE[who];
        expect(canIdea(actor, action, access)).toBe(TABLE[who][i]);
        expect(allowedIdeaActions(actor, access)[action]).toBe(TABLE[who][i]);
      });
    });
  }

  it("ideas in the trash are visible to administrators only", () => {
    expect(canIdea(PEOPLE.admin.actor, "view", { workspaceRole: null, deleted: true })).toBe(true);
    expect(canIdea(PEOPLE.coordinator.actor, "view", { workspaceRole: null, deleted: true })).toBe(false);
    expect(canIdea(PEOPLE.wsOwner.actor, "view", { workspaceRole: "OWNER", deleted: true })).toBe(false);
  });

  it("intake periods are managed by administrators and coordinators", () => {
    expect(canManageIntakes(PEOPLE.admin.actor)).toBe(true);
    expect(canManageIntakes(PEOPLE.coordinator.actor)).toBe(true);
    expect(canManageIntakes(PEOPLE.wsOwner.actor)).toBe(false);
    expect(canManageIntakes(PEOPLE.member.actor)).toBe(false);
    expect(canManageIntakes(PEOPLE.noInstitution.actor)).toBe(false);
  });
});
