// Who may do what with an executive team and its tasks. Pure: the same answers drive loaders,
// actions and the UI. The one place these rules live (ADR 0012).
import type { Actor } from "~/modules/auth/actor";
import type { TeamRole, TeamStatus } from "~/generated/prisma/enums";

/**
 * The actor's standing in one team, resolved by access.server.ts:
 * - `role`: their own membership (LEAD/MEMBER) or null;
 * - `coordinator`: they coordinate the institution of a member, or created the team as coordinator;
 * - `status`: the team's lifecycle state (closed teams are read-only).
 */
export type TeamAccess = { role: TeamRole | null; coordinator: boolean; status: TeamStatus };

export type TeamAction =
  | "view"
  | "comment"
  | "updateTeam"
  | "manageMembers"
  | "changeStatus"
  | "createTask"
  | "exportTasks";

export type TaskAction =
  | "view"
  | "comment"
  | "edit"
  | "assign"
  | "delete"
  | "changeStatus"
  | "updateChecklist"
  | "manageLinks"
  | "manageAttachments";

/** A task's people as far as the rules care. */
export type TaskPeople = { isAssignee: boolean; isHelper: boolean };

export function isClosedTeam(status: TeamStatus): boolean {
  return status === "DONE" || status === "DISSOLVED";
}

function visible(actor: Actor, team: TeamAccess): boolean {
  return actor.isAdmin || team.coordinator || team.role !== null;
}

/** Leads, coordinators of members and administrators run the team. */
function runs(actor: Actor, team: TeamAccess): boolean {
  return actor.isAdmin || team.coordinator || team.role === "LEAD";
}

export function canTeam(actor: Actor, action: TeamAction, team: TeamAccess): boolean {
  if (!visible(actor, team)) return false;
  const open = !isClosedTeam(team.status);
  switch (action) {
    case "view":
    case "exportTasks":
      return true;
    case "comment":
      return open;
    case "updateTeam":
    case "createTask":
      return open && runs(actor, team);
    // Forming the team (who is in it) is the coordinators' job under the agreement.
    case "manageMembers":
      return open && (actor.isAdmin || team.coordinator);
    // Closing and reopening: also allowed on closed teams, for the people who run it.
    case "changeStatus":
      return runs(actor, team);
  }
}

export function canTask(actor: Actor, action: TaskAction, team: TeamAccess, people: TaskPeople): boolean {
  if (!visible(actor, team)) return false;
  if (action === "view") return true;
  if (isClosedTeam(team.status)) return false;
  const lead = runs(actor, team);
  switch (action) {
    case "comment":
      return true;
    case "edit":
    case "assign":
    case "delete":
    case "manageLinks":
      return lead;
    // The assignee (and the helpers) move the work forward.
    case "changeStatus":
    case "updateChecklist":
    case "manageAttachments":
      return lead || people.isAssignee || people.isHelper;
  }
}

/**
 * Moving a team to the trash (and back): administrators and the coordinators who see it through
 * one of their people (or because they formed it) — not the lead, whose team it is to run, not to remove.
 */
export function canTrashTeam(actor: Actor, team: TeamAccess): boolean {
  return actor.isAdmin || team.coordinator;
}

/** Coordinators and administrators form teams. */
export function canCreateTeam(actor: Actor): boolean {
  return actor.isAdmin || actor.institutionRole === "COORDINATOR";
}

export const TEAM_ACTIONS: TeamAction[] = ["view", "comment", "updateTeam", "manageMembers", "changeStatus", "createTask", "exportTasks"];
export const TASK_ACTIONS: TaskAction[] = [
  "view",
  "comment",
  "edit",
  "assign",
  "delete",
  "changeStatus",
  "updateChecklist",
  "manageLinks",
  "manageAttachments",
];

export function allowedTeamActions(actor: Actor, team: TeamAccess): Record<TeamAction, boolean> {
  return Object.fromEntries(TEAM_ACTIONS.map((a) => [a, canTeam(actor, a, team)])) as Record<TeamAction, boolean>;
}

export function allowedTaskActions(actor: Actor, team: TeamAccess, people: TaskPeople): Record<TaskAction, boolean> {
  return Object.fromEntries(TASK_ACTIONS.map((a) => [a, canTask(actor, a, team, people)])) as Record<TaskAction, boolean>;
}

/** Allowed lifecycle moves: Planowany → Aktywny → Zakończony | Rozwiązany (and reopening). */
export const TEAM_TRANSITIONS: Record<TeamStatus, TeamStatus[]> = {
  PLANNED: ["ACTIVE", "DISSOLVED"],
  ACTIVE: ["DONE", "DISSOLVED"],
  DONE: ["ACTIVE"],
  DISSOLVED: ["ACTIVE"],
};
