// The authorization table for workspaces, written out in full: every role × every action, in an
// active and in an archived workspace. A change in the rules must change a line here, on purpose.
import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/auth/actor";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import {
  allowedWorkspaceActions,
  canCreateWorkspace,
  canWorkspace,
  strongerRole,
  WORKSPACE_ACTIONS,
  type WorkspaceAction,
} from "./workspaces.policy";

const T = true;
const F = false;

// The workspace policy looks only at the effective role; the actor is the same plain member.
const actor: Actor = { id: "someone", isAdmin: false, institutionId: "inst-a", institutionRole: "MEMBER" };

type RoleName = WorkspaceRole | "none";
type Row = Record<WorkspaceAction, boolean>;

const active: Record<RoleName, Row> = {
  OWNER:  { view: T, comment: T, updateSettings: T, archive: T, manageMembers: T, addContent: T, editContent: T, deleteContent: T, viewTrash: T, restoreFromTrash: T, purgeTrash: T },
  EDITOR: { view: T, comment: T, updateSettings: F, archive: F, manageMembers: F, addContent: T, editContent: T, deleteContent: T, viewTrash: T, restoreFromTrash: F, purgeTrash: F },
  VIEWER: { view: T, comment: T, updateSettings: F, archive: F, manageMembers: F, addContent: F, editContent: F, deleteContent: F, viewTrash: T, restoreFromTrash: F, purgeTrash: F },
  none:   { view: F, comment: F, updateSettings: F, archive: F, manageMembers: F, addContent: F, editContent: F, deleteContent: F, viewTrash: F, restoreFromTrash: F, purgeTrash: F },
};

// Archived: read-only for content and comments; OWNERs still manage it (and can unarchive).
const archived: Record<RoleName, Row> = {
  OWNER:  { view: T, comment: F, updateSettings: T, archive: T, manageMembers: T, addContent: F, editContent: F, deleteContent: F, viewTrash: T, restoreFromTrash: T, purgeTrash: T },
  EDITOR: { view: T, comment: F, updateSettings: F, archive: F, manageMembers: F, addContent: F, editContent: F, deleteContent: F, viewTrash: T, restoreFromTrash: F, purgeTrash: F },
  VIEWER: { view: T, comment: F, updateSettings: F, archive: F, manageMembers: F, addContent: F, editContent: F, deleteContent: F, viewTrash: T, restoreFromTrash: F, purgeTrash: F },
  none:   { view: F, comment: F, updateSettings: F, archive: F, manageMembers: F, addContent: F, editContent: F, deleteContent: F, viewTrash: F, restoreFromTrash: F, purgeTrash: F },
};

const tables = { active, archived };
type State = keyof typeof tables;

const rows = (Object.keys(tables) as State[]).flatMap((state) =>
  (Object.keys(tables[state]) as RoleName[]).flatMap((role) =>
    (Object.keys(tables[state][role]) as WorkspaceAction[]).map((action) => [state, role, action, tables[state][role][action]] as const),
  ),
);

const roleOf = (name: RoleName): WorkspaceRole | null => (name === "none" ? null : name);

describe("canWorkspace", () => {
  it("covers every state × every role × every action", () => {
    expect(rows).toHaveLength(2 * 4 * WORKSPACE_ACTIONS.length);
    for (const state of Object.keys(tables) as State[]) {
      for (const role of Object.keys(tables[state]) as RoleName[]) {
        expect(Object.keys(tables[state][role]).sort()).toEqual([...WORKSPACE_ACTIONS].sort());
      }
    }
  });

  it.each(rows)("%s workspace, %s → %s: %s", (state, role, action, expected) => {
    expect(canWorkspace(actor, action, { role: roleOf(role), archived: state === "archived" })).toBe(expected);
  });

  it.each(rows.filter(([, , action]) => action === "view"))("allowedWorkspaceActions mirrors the table (%s, %s)", (state, role) => {
    expect(allowedWorkspaceActions(actor, { role: roleOf(role), archived: state === "archived" })).toEqual(tables[state][role]);
  });
});

describe("canCreateWorkspace", () => {
  const actors = {
    admin: { id: "admin", isAdmin: true, institutionId: null, institutionRole: "MEMBER" },
    coordinator: { id: "coord", isAdmin: false, institutionId: "inst-a", institutionRole: "COORDINATOR" },
    member: { id: "member", isAdmin: false, institutionId: "inst-a", institutionRole: "MEMBER" },
    noInstitution: { id: "loner", isAdmin: false, institutionId: null, institutionRole: "MEMBER" },
  } satisfies Record<string, Actor>;
  const table: Record<keyof typeof actors, boolean> = { admin: T, coordinator: T, member: F, noInstitution: F };
  it.each(Object.entries(table) as [keyof typeof actors, boolean][])("%s: %s", (name, expected) => {
    expect(canCreateWorkspace(actors[name])).toBe(expected);
  });
});

describe("strongerRole", () => {
  it.each([
    [null, null, null],
    ["VIEWER", null, "VIEWER"],
    [null, "EDITOR", "EDITOR"],
    ["VIEWER", "EDITOR", "EDITOR"],
    ["OWNER", "VIEWER", "OWNER"],
    ["EDITOR", "OWNER", "OWNER"],
    ["EDITOR", "EDITOR", "EDITOR"],
  ] as const)("%s + %s → %s", (a, b, expected) => {
    expect(strongerRole(a, b)).toBe(expected);
  });
});
