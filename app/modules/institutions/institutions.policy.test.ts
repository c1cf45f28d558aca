// The authorization table for institutions and their people, written out in full: every actor ×
// every action. A change in the rules must change a line here, on purpose.
import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/auth/actor";
import {
  canInstitution,
  canOpenAdministration,
  canPerson,
  type InstitutionAction,
  type PersonAction,
  type PersonResource,
} from "./institutions.policy";

const A = { id: "inst-a" };
const B = { id: "inst-b" };

const actors = {
  admin: { id: "admin", isAdmin: true, institutionId: null, institutionRole: "MEMBER" },
  coordinatorA: { id: "coord-a", isAdmin: false, institutionId: A.id, institutionRole: "COORDINATOR" },
  memberA: { id: "member-a", isAdmin: false, institutionId: A.id, institutionRole: "MEMBER" },
  coordinatorB: { id: "coord-b", isAdmin: false, institutionId: B.id, institutionRole: "COORDINATOR" },
  memberB: { id: "member-b", isAdmin: false, institutionId: B.id, institutionRole: "MEMBER" },
  noInstitution: { id: "loner", isAdmin: false, institutionId: null, institutionRole: "MEMBER" },
} satisfies Record<string, Actor>;

type ActorName = keyof typeof actors;
const T = true;
const F = false;

// ——— Institution A ———
const institutionTable: Record<ActorName, Record<InstitutionAction, boolean>> = {
  admin:         { view: T, create: T, update: T, delete: T, restore: T, viewPeople: T, invitePeople: T },
  coordinatorA:  { view: T, create: F, update: T, delete: F, restore: F, viewPeople: T, invitePeople: T },
  memberA:       { view: T, create: F, update: F, delete: F, restore: F, viewPeople: F, invitePeople: F },
  coordinatorB:  { view: T, create: F, update: F, delete: F, restore: F, viewPeople: F, invitePeople: F },
  memberB:       { view: T, create: F, update: F, delete: F, restore: F, viewPeople: F, invitePeople: F },
  noInstitution: { view: T, create: F, update: F, delete: F, restore: F, viewPeople: F, invitePeople: F },
};

const institutionRows = (Object.keys(institutionTable) as ActorName[]).flatMap((actor) =>
  (Object.keys(institutionTable[actor]) as InstitutionAction[]).map((action) => [actor, action, institutionTable[actor][action]] as const),
);

describe("canInstitution on institution A", () => {
  it("covers every actor × every action", () => {
    expect(institutionRows).toHaveLength(6 * 7);
  });

  it.each(institutionRows)("%s → %s: %s", (actor, action, expected) => {
    expect(canInstitution(actors[actor], action, A)).toBe(expected);
  });
});

describe("canInstitution without a concrete institution", () => {
  // Creating is not about an existing institution; the rest need one, so only admins pass.
  it.each([
    ["admin", "create", T],
    ["admin", "update", T],
    ["coordinatorA", "create", F],
    ["coordinatorA", "update", F],
    ["coordinatorA", "viewPeople", F],
    ["coordinatorA", "invitePeople", F],
    ["noInstitution", "invitePeople", F],
  ] as const)("%s → %s on null: %s", (actor, action, expected) => {
    expect(canInstitution(actors[actor], action, null)).toBe(expected);
  });
});

// ——— People ———
type TargetName = "memberOfA" | "coordinatorOfA" | "admin" | "self";

/** Targets other than the actor; `self` is the actor as a person resource. */
function target(name: TargetName, actor: Actor): PersonResource {
  switch (name) {
    case "memberOfA":
      return { id: "other-member-a", institutionId: A.id, isAdmin: false };
    case "coordinatorOfA":
      return { id: "other-coord-a", institutionId: A.id, isAdmin: false };
    case "admin":
      // An administrator who also belongs to institution A (another person than the actor).
      return { id: "other-admin", institutionId: A.id, isAdmin: true };
    case "self":
      return { id: actor.id, institutionId: actor.institutionId, isAdmin: actor.isAdmin };
  }
}

type PersonRow = Record<PersonAction, boolean>;
const all = (v: boolean): PersonRow => ({ changeRole: v, deactivate: v, reactivate: v, resendInvitation: v });

const personTable: Record<ActorName, Record<TargetName, PersonRow>> = {
  admin: {
    memberOfA: all(T),
    coordinatorOfA: all(T),
    admin: all(T),
    // Never locks itself out; resending an invitation is not about the admin's own account.
    self: { changeRole: F, deactivate: F, reactivate: F, resendInvitation: T },
  },
  coordinatorA: { memberOfA: all(T), coordinatorOfA: all(T), admin: all(F), self: all(F) },
  memberA: { memberOfA: all(F), coordinatorOfA: all(F), admin: all(F), self: all(F) },
  coordinatorB: { memberOfA: all(F), coordinatorOfA: all(F), admin: all(F), self: all(F) },
  memberB: { memberOfA: all(F), coordinatorOfA: all(F), admin: all(F), self: all(F) },
  noInstitution: { memberOfA: all(F), coordinatorOfA: all(F), admin: all(F), self: all(F) },
};

const personRows = (Object.keys(personTable) as ActorName[]).flatMap((actor) =>
  (Object.keys(personTable[actor]) as TargetName[]).flatMap((targetName) =>
    (Object.keys(personTable[actor][targetName]) as PersonAction[]).map(
      (action) => [actor, action, targetName, personTable[actor][targetName][action]] as const,
    ),
  ),
);

describe("canPerson", () => {
  it("covers every actor × every target × every action", () => {
    expect(personRows).toHaveLength(6 * 4 * 4);
  });

  it.each(personRows)("%s → %s on %s: %s", (actor, action, targetName, expected) => {
    expect(canPerson(actors[actor], action, target(targetName, actors[actor]))).toBe(expected);
  });
});

describe("canOpenAdministration", () => {
  const table: Record<ActorName, boolean> = {
    admin: T,
    coordinatorA: T,
    memberA: F,
    coordinatorB: T,
    memberB: F,
    noInstitution: F,
  };
  it.each(Object.entries(table) as [ActorName, boolean][])("%s: %s", (actor, expected) => {
    expect(canOpenAdministration(actors[actor])).toBe(expected);
  });
});
