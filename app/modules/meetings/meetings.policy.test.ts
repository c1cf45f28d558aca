// The authorization table for meetings, written out in full: every kind of person × every action ×
// open/cancelled. A change in the rules must change a line of this table, on purpose.
import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/auth/actor";
import { allowedMeetingActions, canCreateMeeting, canMeeting, MEETING_ACTIONS, type MeetingAccess, type MeetingAction } from "./meetings.policy";

const T = true;
const F = false;

const member: Actor = { id: "m", isAdmin: false, institutionId: "i1", institutionRole: "MEMBER" };
const coordinator: Actor = { id: "c", isAdmin: false, institutionId: "i1", institutionRole: "COORDINATOR" };
const admin: Actor = { id: "a", isAdmin: true, institutionId: null, institutionRole: "MEMBER" };

type Who = "organizer" | "invitee" | "viewer";
const ACCESS: Record<Who, MeetingAccess> = {
  organizer: { organizer: true, invited: false },
  invitee: { organizer: false, invited: true },
  viewer: { organizer: false, invited: false },
};

//                     view edit agenda invite attend minutes outcomes cancel delete
const OPEN: Record<Who, boolean[]> = {
  organizer: [T, T, T, T, T, T, T, T, T],
  invitee: [T, F, F, F, F, F, F, F, F],
  viewer: [T, F, F, F, F, F, F, F, F],
};
const CANCELLED: Record<Who, boolean[]> = {
  organizer: [T, F, F, F, F, F, F, F, T],
  invitee: [T, F, F, F, F, F, F, F, F],
  viewer: [T, F, F, F, F, F, F, F, F],
};

describe("canMeeting", () => {
  for (const [label, table, cancelled] of [
    ["open", OPEN, false],
    ["cancelled", CANCELLED, true],
  ] as const) {
    for (const who of Object.keys(table) as Who[]) {
      MEETING_ACTIONS.forEach((action: MeetingAction, i) => {
        it(`${label}: ${who} ${action} → ${table[who][i]}`, () => {
          expect(canMeeting(member, action, { ...ACCESS[who], cancelled })).toBe(table[who][i]);
        });
      });
    }
  }

  it("allowedMeetingActions mirrors canMeeting", () => {
    expect(allowedMeetingActions(member, ACCESS.organizer)).toEqual(Object.fromEntries(MEETING_ACTIONS.map((a) => [a, true])));
    expect(Object.values(allowedMeetingActions(member, ACCESS.viewer)).filter(Boolean)).toHaveLength(1);
  });
});

describe("canCreateMeeting", () => {
  it.each([
    ["admin", admin, undefined, T],
    ["coordinator", coordinator, undefined, T],
    ["member without scope", member, undefined, F],
    ["workspace owner", member, { workspaceRole: "OWNER" }, T],
    ["workspace editor", member, { workspaceRole: "EDITOR" }, T],
    ["workspace viewer", member, { workspaceRole: "VIEWER" }, F],
    ["team lead", member, { teamRole: "LEAD" }, T],
    ["team member", member, { teamRole: "MEMBER" }, F],
  ] as const)("%s → %s", (_l, actor, scope, expected) => {
    expect(canCreateMeeting(actor, scope)).toBe(expected);
  });
});
