// Team visibility: the one place that decides who sees which team.
// Members, coordinators of an institution that has a member (or who created the team) and
// administrators see a team; everybody else gets 404 for it and everything in it.
import type { Prisma } from "~/generated/prisma/client";
import type { TeamRole, TeamStatus } from "~/generated/prisma/enums";
import type { Actor } from "~/modules/auth/actor";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { canTask, canTeam, type TaskAction, type TeamAccess, type TeamAction } from "./team.policy";

export function visibleTeamsWhere(actor: Actor): Prisma.TeamWhereInput {
  const base: Prisma.TeamWhereInput = { deletedAt: null };
  if (actor.isAdmin) return base;
  const or: Prisma.TeamWhereInput[] = [{ members: { some: { userId: actor.id } } }];
  if (actor.institutionRole === "COORDINATOR" && actor.institutionId) {
    or.push({ members: { some: { user: { institutionId: actor.institutionId } } } });
    or.push({ createdById: actor.id });
  }
  return { ...base, OR: or };
}

/** Tasks in teams this person may see (for Moje zadania, the calendar and the ICS feed). */
export function visibleTasksWhere(actor: Actor): Prisma.TaskWhereInput {
  return { deletedAt: null, team: visibleTeamsWhere(actor) };
}

export type TeamContext = {
  team: {
    id: string;
    name: string;
    status: TeamStatus;
    kind: "TEMPORARY" | "PERIODIC";
    workspaceId: string | null;
    version: number;
  };
  access: TeamAccess;
};

/** The team and the actor's standing in it, in one query; 404 when not visible. */
export async function loadTeamAccess(actor: Actor, teamId: string): Promise<TeamContext> {
  const team = await db.team.findFirst({
    where: { id: teamId, ...visibleTeamsWhere(actor) },
    select: {
      id: true,
      name: true,
      status: true,
      kind: true,
      workspaceId: true,
      version: true,
      createdById: true,
      members: {
        where: { OR: [{ userId: actor.id }, ...(actor.institutionId ? [{ user: { institutionId: actor.institutionId } }] : [])] },
        select: { userId: true, role: true },
      },
    },
  });
  if (!team) notFound();
  const { members, createdById, ...rest } = team;
  const own = members.find((m) => m.userId === actor.id);
  // `members` holds only the actor and people of the actor's institution, so any row means the
  // coordinator has someone of theirs in the team.
  const coordinator = actor.institutionRole === "COORDINATOR" && !!actor.institutionId && (members.length > 0 || createdById === actor.id);
  const access: TeamAccess = { role: (own?.role as TeamRole | undefined) ?? null, coordinator, status: rest.status };
  if (!canTeam(actor, "view", access)) notFound();
  return { team: rest, access };
}

/** Loads the team (404 if invisible) and enforces `action` (403, audited). */
export async function requireTeam(user: AuthUser, teamId: string, action: TeamAction, ip?: string): Promise<TeamContext> {
  const ctx = await loadTeamAccess(user, teamId);
  await authorize(user, canTeam(user, action, ctx.access), { action: `team.${action}`, entityType: "Team", entityId: teamId, ip });
  return ctx;
}

export type TaskContext = TeamContext & {
  task: { id: string; teamId: string; number: number; title: string; status: string; assigneeId: string | null; version: number };
  people: { isAssignee: boolean; isHelper: boolean };
};

/** The task, its team and the actor's standing; 404 when the team is invisible or the task is not in it. */
export async function loadTaskAccess(actor: Actor, teamId: string, taskId: string): Promise<TaskContext> {
  const ctx = await loadTeamAccess(actor, teamId);
  const task = await db.task.findFirst({
    where: { id: taskId, teamId, deletedAt: null },
    select: {
      id: true,
      teamId: true,
      number: true,
      title: true,
      status: true,
      assigneeId: true,
      version: true,
      helpers: { where: { userId: actor.id }, select: { id: true } },
    },
  });
  if (!task) notFound();
  const { helpers, ...rest } = task;
  return { ...ctx, task: rest, people: { isAssignee: rest.assigneeId === actor.id, isHelper: helpers.length > 0 } };
}

export async function requireTask(user: AuthUser, teamId: string, taskId: string, action: TaskAction, ip?: string): Promise<TaskContext> {
  const ctx = await loadTaskAccess(user, teamId, taskId);
  await authorize(user, canTask(user, action, ctx.access, ctx.people), { action: `task.${action}`, entityType: "Task", entityId: taskId, ip });
  return ctx;
}
