// The authorization table for executive teams and their tasks, written out in full: every kind of
// person × every action × every team status. Nothing here re-derives the policy: a change in the
// rules must change a line of these tables, on purpose.
import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/auth/actor";
import type { TeamStatus } from "~/generated/prisma/enums";
import {
  allowedTaskActions,
  allowedTeamActions,
  canCreateTeam,
  canTask,
  canTeam,
  canTrashTeam,
  isClosedTeam,
  TASK_ACTIONS,
  TEAM_ACTIONS,
  TEAM_TRANSITIONS,
  type TaskAction,
  type TaskPeople,
  type TeamAccess,
  type TeamAction,
} from "./team.policy";

const T = true;
const F = false;

type Who =
  | "admin"
  | "coordinatorOfMember"
  | "lead"
  | "member"
  | "assignee"
  | "helper"
  | "outsider"
  | "unrelatedCoordinator";

/** Each kind of person: who they are, how they stand in the team, and how in the task. */
const PEOPLE: Record<Who, { actor: Actor; role: TeamAccess["role"]; coordinator: boolean; task: TaskPeople }> = {
  admin: {
    actor: { id: "admin", isAdmin: true, institutionId: null, institutionRole: "MEMBER" },
    role: null,
    coordinator: false,
    task: { isAssignee: false, isHelper: false },
  },
  coordinatorOfMember: {
    actor: { id: "coord-a", isAdmin: false, institutionId: "inst-a", institutionRole: "COORDINATOR" },
    role: null,
    coordinator: true,
    task: { isAssignee: false, isHelper: false },
  },
  lead: {
    actor: { id: "lead", isAdmin: false, institutionId: "inst-a", institutionRole: "MEMBER" },
    role: "LEAD",
    coordinator: false,
    task: { isAssignee: false, isHelper: false },
  },
  member: {
    actor: { id: "member", isAdmin: false, institutionId: "inst-b", institutionRole: "MEMBER" },
    role: "MEMBER",
    coordinator: false,
    task: { isAssignee: false, isHelper: false },
  },
  assignee: {
    actor: { id: "assignee", isAdmin: false, institutionId: "inst-b", institutionRole: "MEMBER" },
    role: "MEMBER",
    coordinator: false,
    task: { isAssignee: true, isHelper: false },
  },
  helper: {
    actor: { id: "helper", isAdmin: false, institutionId: "inst-a", institutionRole: "MEMBER" },
    role: "MEMBER",
    coordinator: false,
    task: { isAssignee: false, isHelper: true },
  },
  outsider: {
    actor: { id: "outsider", isAdmin: false, institutionId: "inst-c", institutionRole: "MEMBER" },
    role: null,
    coordinator: false,
    task: { isAssignee: false, isHelper: false },
  },
  unrelatedCoordinator: {
    actor: { id: "coord-c", isAdmin: false, institutionId: "inst-c", institutionRole: "COORDINATOR" },
    role: null,
    coordinator: false,
    task: { isAssignee: false, isHelper: false },
  },
};

const WHO = Object.keys(PEOPLE) as Who[];
const STATUSES: TeamStatus[] = ["PLANNED", "ACTIVE", "DONE", "DISSOLVED"];

type TeamRow = Record<TeamAction, boolean>;
type TaskRow = Record<TaskAction, boolean>;

// ——— Team actions ———

const teamOpen: Record<Who, TeamRow> = {
  admin:                { view: T, comment: T, updateTeam: T, manageMembers: T, changeStatus: T, createTask: T, exportTasks: T },
  coordinatorOfMember:  { view: T, comment: T, updateTeam: T, manageMembers: T, changeStatus: T, createTask: T, exportTasks: T },
  lead:                 { view: T, comment: T, updateTeam: T, manageMembers: F, changeStatus: T, createTask: T, exportTasks: T },
  member:               { view: T, comment: T, updateTeam: F, manageMembers: F, changeStatus: F, createTask: F, exportTasks: T },
  assignee:             { view: T, comment: T, updateTeam: F, manageMembers: F, changeStatus: F, createTask: F, exportTasks: T },
  helper:               { view: T, comment: T, updateTeam: F, manageMembers: F, changeStatus: F, createTask: F, exportTasks: T },
  outsider:             { view: F, comment: F, updateTeam: F, manageMembers: F, changeStatus: F, createTask: F, exportTasks: F },
  unrelatedCoordinator: { view: F, comment: F, updateTeam: F, manageMembers: F, changeStatus: F, createTask: F, exportTasks: F },
};

// Closed (Zakończony, Rozwiązany): read-only, fully visible; those who run it can still reopen it.
const teamClosed: Record<Who, TeamRow> = {
  admin:                { view: T, comment: F, updateTeam: F, manageMembers: F, changeStatus: T, createTask: F, exportTasks: T },
  coordinatorOfMember:  { view: T, comment: F, updateTeam: F, manageMembers: F, changeStatus: T, createTask: F, exportTasks: T },
  lead:                 { view: T, comment: F, updateTeam: F, manageMembers: F, changeStatus: T, createTask: F, exportTasks: T },
  member:               { view: T, comment: F, updateTeam: F, manageMembers: F, changeStatus: F, createTask: F, exportTasks: T },
  assignee:             { view: T, comment: F, updateTeam: F, manageMembers: F, changeStatus: F, createTask: F, exportTasks: T },
  helper:               { view: T, comment: F, updateTeam: F, manageMembers: F, changeStatus: F, createTask: F, exportTasks: T },
  outsider:             { view: F, comment: F, updateTeam: F, manageMembers: F, changeStatus: F, createTask: F, exportTasks: F },
  unrelatedCoordinator: { view: F, comment: F, updateTeam: F, manageMembers: F, changeStatus: F, createTask: F, exportTasks: F },
};

const teamTable: Record<TeamStatus, Record<Who, TeamRow>> = { PLANNED: teamOpen, ACTIVE: teamOpen, DONE: teamClosed, DISSOLVED: teamClosed };

// ——— Task actions ———

const taskOpen: Record<Who, TaskRow> = {
  admin:                { view: T, comment: T, edit: T, assign: T, delete: T, changeStatus: T, updateChecklist: T, manageLinks: T, manageAttachments: T },
  coordinatorOfMember:  { view: T, comment: T, edit: T, assign: T, delete: T, changeStatus: T, updateChecklist: T, manageLinks: T, manageAttachments: T },
  lead:                 { view: T, comment: T, edit: T, assign: T, delete: T, changeStatus: T, updateChecklist: T, manageLinks: T, manageAttachments: T },
  member:               { view: T, comment: T, edit: F, assign: F, delete: F, changeStatus: F, updateChecklist: F, manageLinks: F, manageAttachments: F },
  assignee:             { view: T, comment: T, edit: F, assign: F, delete: F, changeStatus: T, updateChecklist: T, manageLinks: F, manageAttachments: T },
  helper:               { view: T, comment: T, edit: F, assign: F, delete: F, changeStatus: T, updateChecklist: T, manageLinks: F, manageAttachments: T },
  outsider:             { view: F, comment: F, edit: F, assign: F, delete: F, changeStatus: F, updateChecklist: F, manageLinks: F, manageAttachments: F },
  unrelatedCoordinator: { view: F, comment: F, edit: F, assign: F, delete: F, changeStatus: F, updateChecklist: F, manageLinks: F, manageAttachments: F },
};

const taskClosed: Record<Who, TaskRow> = {
  admin:                { view: T, comment: F, edit: F, assign: F, delete: F, changeStatus: F, updateChecklist: F, manageLinks: F, manageAttachments: F },
  coordinatorOfMember:  { view: T, comment: F, edit: F, assign: F, delete: F, changeStatus: F, updateChecklist: F, manageLinks: F, manageAttachments: F },
  lead:                 { view: T, comment: F, edit: F, assign: F, delete: F, changeStatus: F, updateChecklist: F, manageLinks: F, manageAttachments: F },
  member:               { view: T, comment: F, edit: F, assign: F, delete: F, changeStatus: F, updateChecklist: F, manageLinks: F, manageAttachments: F },
  assignee:             { view: T, comment: F, edit: F, assign: F, delete: F, changeStatus: F, updateChecklist: F, manageLinks: F, manageAttachments: F },
  helper:               { view: T, comment: F, edit: F, assign: F, delete: F, changeStatus: F, updateChecklist: F, manageLinks: F, manageAttachments: F },
  outsider:             { view: F, comment: F, edit: F, assign: F, delete: F, changeStatus: F, updateChecklist: F, manageLinks: F, manageAttachments: F },
  unrelatedCoordinator: { view: F, comment: F, edit: F, assign: F, delete: F, changeStatus: F, updateChecklist: F, manageLinks: F, manageAttachments: F },
};

const taskTable: Record<TeamStatus, Record<Who, TaskRow>> = { PLANNED: taskOpen, ACTIVE: taskOpen, DONE: taskClosed, DISSOLVED: taskClosed };

// ——— Forming and removing teams (independent of the status) ———

const create: Record<Who, boolean> = {
  admin: T,
  coordinatorOfMember: T,
  lead: F,
  member: F,
  assignee: F,
  helper: F,
  outsider: F,
  unrelatedCoordinator: T,
};

const trash: Record<Who, boolean> = {
  admin: T,
  coordinatorOfMember: T,
  lead: F,
  member: F,
  assignee: F,
  helper: F,
  outsider: F,
  unrelatedCoordinator: F,
};

const access = (who: Who, status: TeamStatus): TeamAccess => ({ role: PEOPLE[who].role, coordinator: PEOPLE[who].coordinator, status });

const CASES = STATUSES.flatMap((status) => WHO.map((who) => [status, who] as const));

const teamRows = STATUSES.flatMap((status) =>
  WHO.flatMap((who) => TEAM_ACTIONS.map((action) => [status, who, action, teamTable[status][who][action]] as const)),
);
const taskRows = STATUSES.flatMap((status) =>
  WHO.flatMap((who) => TASK_ACTIONS.map((action) => [status, who, action, taskTable[status][who][action]] as const)),
);

describe("the tables themselves", () => {
  it("name every action for every person", () => {
    for (const table of [teamOpen, teamClosed]) for (const who of WHO) expect(Object.keys(table[who]).sort(), who).toEqual([...TEAM_ACTIONS].sort());
    for (const table of [taskOpen, taskClosed]) for (const who of WHO) expect(Object.keys(table[who]).sort(), who).toEqual([...TASK_ACTIONS].sort());
    expect(teamRows).toHaveLength(4 * 8 * TEAM_ACTIONS.length);
    expect(taskRows).toHaveLength(4 * 8 * TASK_ACTIONS.length);
  });
});

describe("canTeam", () => {
  // One case per status × person, comparing the whole row: a failure shows which actions differ.
  it.each(CASES)("%s team, %s", (status, who) => {
    const answers = Object.fromEntries(TEAM_ACTIONS.map((action) => [action, canTeam(PEOPLE[who].actor, action, access(who, status))]));
    expect(answers).toEqual(teamTable[status][who]);
  });

  it("allowedTeamActions gives the same answers as the table", () => {
    for (const status of STATUSES) for (const who of WHO) expect(allowedTeamActions(PEOPLE[who].actor, access(who, status)), `${status} ${who}`).toEqual(teamTable[status][who]);
  });
});

describe("canTask", () => {
  it.each(CASES)("%s team, %s", (status, who) => {
    const answers = Object.fromEntries(TASK_ACTIONS.map((action) => [action, canTask(PEOPLE[who].actor, action, access(who, status), PEOPLE[who].task)]));
    expect(answers).toEqual(taskTable[status][who]);
  });

  it("allowedTaskActions gives the same answers as the table", () => {
    for (const status of STATUSES)
      for (const who of WHO) expect(allowedTaskActions(PEOPLE[who].actor, access(who, status), PEOPLE[who].task), `${status} ${who}`).toEqual(taskTable[status][who]);
  });

  it("being named on a task gives an outsider nothing (the team decides visibility)", () => {
    const outsider = PEOPLE.outsider.actor;
    for (const status of STATUSES)
      for (const action of TASK_ACTIONS) expect(canTask(outsider, action, access("outsider", status), { isAssignee: true, isHelper: true }), `${status} ${action}`).toBe(false);
  });
});

describe("forming and removing teams", () => {
  it("forming a team follows the table", () => {
    expect(Object.fromEntries(WHO.map((who) => [who, canCreateTeam(PEOPLE[who].actor)]))).toEqual(create);
  });

  it("moving to the trash (and back) follows the table in every status", () => {
    for (const status of STATUSES) for (const who of WHO) expect(canTrashTeam(PEOPLE[who].actor, access(who, status)), `${status} ${who}`).toBe(trash[who]);
  });
});

describe("lifecycle", () => {
  it("moves Planowany → Aktywny → Zakończony | Rozwiązany, and reopens closed teams", () => {
    expect(TEAM_TRANSITIONS).toEqual({
      PLANNED: ["ACTIVE", "DISSOLVED"],
      ACTIVE: ["DONE", "DISSOLVED"],
      DONE: ["ACTIVE"],
      DISSOLVED: ["ACTIVE"],
    });
  });

  it("treats Zakończony and Rozwiązany as closed", () => {
    expect(STATUSES.map((s) => [s, isClosedTeam(s)])).toEqual([
      ["PLANNED", false],
      ["ACTIVE", false],
      ["DONE", true],
      ["DISSOLVED", true],
    ]);
  });
});
