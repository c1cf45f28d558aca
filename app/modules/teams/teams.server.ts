// Executive teams: the list, the overview, forming and editing a team, its members, its lifecycle
// and the trash. Reads are scoped by access.server.ts (visibleTeamsWhere / loadTeamAccess); every
// command is authorised first (404 when invisible, audited 403 when not allowed) and writes in one
// transaction together with its audit entry (and notifications for the people concerned).
import type { Prisma } from "~/generated/prisma/client";
import type { TeamRole, TeamStatus } from "~/generated/prisma/enums";
import { pageArgs, pageInfo } from "~/modules/admin/pagination";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import type { Actor } from "~/modules/auth/actor";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { notify } from "~/modules/notifications/notifications.server";
import { warsawDate } from "~/modules/tasks/deadline";
import { cleanRichText } from "~/modules/tasks/tasks.server";
import { teamUrls } from "~/modules/tasks/task-urls";
import { visibleWorkspacesWhere } from "~/modules/workspaces/access.server";
import { db, isUniqueViolation, type Tx } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { loadTeamAccess, requireTeam, visibleTeamsWhere, type TeamContext } from "./access.server";
import { burndown, chartRange } from "./progress";
import { allowedTeamActions, canCreateTeam, canTrashTeam, TEAM_TRANSITIONS, type TeamAccess } from "./team.policy";
import { TEAM_FIELDS, type TeamCreateInput, type TeamQuery, type TeamStatusChange, type TeamUpdateInput } from "./teams.schema";

type Meta = { ip?: string };

export type CommandResult<T = unknown> = { ok: true; value: T } | { ok: false; status: 400 | 409; errors: FieldErrors };

const ok = <T>(value: T): CommandResult<T> => ({ ok: true, value });
const fail = (errors: FieldErrors, status: 400 | 409 = 400): CommandResult<never> => ({ ok: false, status, errors });

type Client = Tx | typeof db;

// ——— Reads: the list ———

export const TEAM_LIST_PAGE_SIZE = 20;

/** Coordinators and administrators have a trash of teams (the teams they could remove). */
export function canSeeTeamTrash(actor: Actor): boolean {
  return actor.isAdmin || actor.institutionRole === "COORDINATOR";
}

/**
 * Teams in the trash this person could restore: all for an administrator; for a coordinator, those
 * with one of their institution's people or that they formed. Nobody else sees removed teams.
 */
export function trashedTeamsWhere(actor: Actor): Prisma.TeamWhereInput {
  const removed: Prisma.TeamWhereInput = { deletedAt: { not: null } };
  if (actor.isAdmin) return removed;
  if (actor.institutionRole !== "COORDINATOR" || !actor.institutionId) return { id: { in: [] } };
  return { ...removed, OR: [{ members: { some: { user: { institutionId: actor.institutionId } } } }, { createdById: actor.id }] };
}

function listWhere(actor: Actor, query: Pick<TeamQuery, "q" | "status" | "kind" | "mine">): Prisma.TeamWhereInput {
  const and: Prisma.TeamWhereInput[] = [query.status === "trash" ? trashedTeamsWhere(actor) : visibleTeamsWhere(actor)];
  if (query.status === "open") and.push({ status: { in: ["PLANNED", "ACTIVE"] } });
  else if (query.status !== "all" && query.status !== "trash") and.push({ status: query.status });
  if (query.kind) and.push({ kind: query.kind });
  if (query.mine) and.push({ members: { some: { userId: actor.id } } });
  if (query.q) and.push({ name: { contains: query.q } });
  return { AND: and };
}

/**
 * One page of the teams the actor sees, with what the list shows per team: the lead(s), member
 * count, institutions, done/total/overdue tasks. A fixed number of queries whatever the page
 * size: the count, the page with its members (Prisma loads each relation level in one query),
 * and two grouped task counts.
 */
export async function listTeams(actor: Actor, query: TeamQuery, now = new Date(), pageSize = TEAM_LIST_PAGE_SIZE) {
  const where = listWhere(actor, query);
  const [total, rows] = await Promise.all([
    db.team.count({ where }),
    db.team.findMany({
      where,
      // By state (ACTIVE sorts before PLANNED, so running teams come first in the default view),
      // then by the end of the term (open-ended first, then the soonest), then by name.
      orderBy: [{ status: "asc" }, { termEnd: "asc" }, { name: "asc" }, { id: "asc" }],
      ...pageArgs(query.page, pageSize),
      select: {
        id: true,
        name: true,
        kind: true,
        cadence: true,
        status: true,
        termStart: true,
        termEnd: true,
        deletedAt: true,
        members: {
          orderBy: [{ role: "asc" }, { createdAt: "asc" }],
          select: { userId: true, role: true, user: { select: { name: true, deactivatedAt: true, institution: { select: { shortName: true } } } } },
        },
      },
    }),
  ]);
  const ids = rows.map((r) => r.id);
  const [byStatus, overdue] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db.task.groupBy({ by: ["teamId", "status"], where: { teamId: { in: ids }, deletedAt: null }, _count: { _all: true } }),
          db.task.groupBy({ by: ["teamId"], where: { teamId: { in: ids }, deletedAt: null, status: { not: "DONE" }, dueAt: { lt: now } }, _count: { _all: true } }),
        ]);
  const counts = new Map<string, { total: number; done: number; overdue: number }>();
  const countsOf = (id: string) => counts.get(id) ?? counts.set(id, { total: 0, done: 0, overdue: 0 }).get(id)!;
  for (const g of byStatus) {
    const c = countsOf(g.teamId);
    c.total += g._count._all;
    if (g.status === "DONE") c.done += g._count._all;
  }
  for (const g of overdue) countsOf(g.teamId).overdue = g._count._all;
  const items = rows.map((row) => {
    const active = row.members.filter((m) => !m.user.deactivatedAt);
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      cadence: row.cadence,
      status: row.status,
      termStart: row.termStart,
      termEnd: row.termEnd,
      deletedAt: row.deletedAt,
      leads: active.filter((m) => m.role === "LEAD").map((m) => m.user.name),
      memberCount: active.length,
      institutions: [...new Set(active.map((m) => m.user.institution?.shortName).filter((s): s is string => !!s))].sort(),
      mine: row.members.some((m) => m.userId === actor.id),
      tasks: counts.get(row.id) ?? { total: 0, done: 0, overdue: 0 },
    };
  });
  return { items, page: pageInfo(query.page, total, pageSize) };
}

export type TeamListItem = Awaited<ReturnType<typeof listTeams>>["items"][number];

// ——— Reads: the people and workspaces a form offers ———

/** Candidates for a picker, bounded: a list of thousands helps nobody. */
export const PEOPLE_OPTIONS_LIMIT = 500;

const activePerson: Prisma.UserWhereInput = { deactivatedAt: null, institutionId: { not: null }, institution: { deletedAt: null } };

/** Active people of the partner institutions, ordered by institution then name (the picker groups them). */
export async function personOptions(exceptTeamId?: string) {
  return db.user.findMany({
    where: { ...activePerson, ...(exceptTeamId ? { teamMemberships: { none: { teamId: exceptTeamId } } } : {}) },
    orderBy: [{ institution: { shortName: "asc" } }, { name: "asc" }, { id: "asc" }],
    take: PEOPLE_OPTIONS_LIMIT,
    select: { id: true, name: true, email: true, institution: { select: { shortName: true, name: true } } },
  });
}

export type PersonOption = Awaited<ReturnType<typeof personOptions>>[number];

/** Workspaces a team may work in: the ones the actor sees and that are not archived. */
export async function workspaceOptions(actor: Actor) {
  return db.workspace.findMany({
    where: { AND: [visibleWorkspacesWhere(actor), { archivedAt: null }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

async function workspaceVisible(actor: Actor, workspaceId: string, client: Client = db): Promise<boolean> {
  const found = await client.workspace.findFirst({ where: { AND: [{ id: workspaceId, archivedAt: null }, visibleWorkspacesWhere(actor)] }, select: { id: true } });
  return !!found;
}

// ——— Reads: one team ———

/** Documents offered for the closing report: the team's workspace library, newest first. */
export const OUTCOME_DOCUMENT_OPTIONS = 200;

/** Everything the overview shows; 404 when the actor does not see the team. */
export async function getTeamOverview(actor: Actor, teamId: string, now = new Date()) {
  const ctx = await loadTeamAccess(actor, teamId);
  const can = allowedTeamActions(actor, ctx.access);
  const [details, members, byStatus, overdue, progressTasks] = await Promise.all([
    db.team.findUniqueOrThrow({
      where: { id: teamId },
      select: {
        mandate: true,
        cadence: true,
        termStart: true,
        termEnd: true,
        outcome: true,
        outcomeDocumentId: true,
        closedAt: true,
        createdAt: true,
        createdBy: { select: { name: true } },
        closedBy: { select: { name: true } },
      },
    }),
    teamMembers(teamId),
    db.task.groupBy({ by: ["status"], where: { teamId, deletedAt: null }, _count: { _all: true } }),
    db.task.count({ where: { teamId, deletedAt: null, status: { not: "DONE" }, dueAt: { lt: now } } }),
    db.task.findMany({ where: { teamId, deletedAt: null }, select: { status: true, createdAt: true, completedAt: true } }),
  ]);
  const workspaceId = ctx.team.workspaceId;
  // The workspace and the report's document are shown only to those who may open them.
  const [workspace, outcomeDocument, documentOptions] = await Promise.all([
    workspaceId ? db.workspace.findFirst({ where: { AND: [{ id: workspaceId }, visibleWorkspacesWhere(actor)] }, select: { id: true, name: true } }) : null,
    details.outcomeDocumentId
      ? db.document.findFirst({
          where: { id: details.outcomeDocumentId, deletedAt: null, workspace: visibleWorkspacesWhere(actor) },
          select: { id: true, name: true, workspaceId: true },
        })
      : null,
    can.changeStatus && workspaceId ? outcomeDocumentOptions(actor, workspaceId) : [],
  ]);
  const statusCounts = Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])) as Partial<Record<string, number>>;
  const total = byStatus.reduce((sum, g) => sum + g._count._all, 0);
  const { from, to } = chartRange({ termStart: details.termStart, closedAt: details.closedAt }, progressTasks, now);
  return {
    ...ctx,
    can,
    canTrash: canTrashTeam(actor, ctx.access),
    details,
    workspace,
    outcomeDocument,
    documentOptions,
    members,
    progress: { total, done: statusCounts.DONE ?? 0, overdue, byStatus: statusCounts, chart: burndown(progressTasks, from, to) },
  };
}

async function outcomeDocumentOptions(actor: Actor, workspaceId: string) {
  return db.document.findMany({
    where: { workspaceId, deletedAt: null, workspace: visibleWorkspacesWhere(actor) },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: OUTCOME_DOCUMENT_OPTIONS,
    select: { id: true, name: true },
  });
}

/** The members with their institution, leads first; call only after the actor's access was checked. */
export async function teamMembers(teamId: string) {
  return db.teamMember.findMany({
    where: { teamId },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      role: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, deactivatedAt: true, institution: { select: { id: true, shortName: true, name: true } } } },
    },
  });
}

export type TeamMemberRow = Awaited<ReturnType<typeof teamMembers>>[number];

/** The settings page: the form's values (with the version the edit starts from) and the members. */
export async function getTeamSettings(actor: AuthUser, teamId: string, ip?: string) {
  const ctx = await loadTeamAccess(actor, teamId);
  const can = allowedTeamActions(actor, ctx.access);
  const canTrash = canTrashTeam(actor, ctx.access);
  await authorize(actor, can.updateTeam || can.manageMembers || canTrash, { action: "team.settings", entityType: "Team", entityId: teamId, ip });
  const [team, members, candidates, workspaces] = await Promise.all([
    db.team.findUniqueOrThrow({
      where: { id: teamId },
      select: { name: true, mandate: true, kind: true, cadence: true, termStart: true, termEnd: true, workspaceId: true, version: true, workspace: { select: { name: true } } },
    }),
    teamMembers(teamId),
    can.manageMembers ? personOptions(teamId) : Promise.resolve([]),
    can.updateTeam ? workspaceOptions(actor) : Promise.resolve([]),
  ]);
  // Keep the current workspace selectable even when this person does not see it (saving unchanged is fine).
  const { workspace, ...values } = team;
  if (team.workspaceId && workspace && !workspaces.some((w) => w.id === team.workspaceId)) workspaces.unshift({ id: team.workspaceId, name: workspace.name });
  return { ...ctx, can, canTrash, values, members, candidates, workspaces };
}

// ——— Commands: forming and editing ———

/** Which of `ids` are not active people of a partner institution. */
async function inactivePeople(ids: string[], client: Client): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const found = await client.user.findMany({ where: { id: { in: ids }, ...activePerson }, select: { id: true } });
  const ok = new Set(found.map((u) => u.id));
  return new Set(ids.filter((id) => !ok.has(id)));
}

const teamLink = (teamId: string) => teamUrls.team(teamId);

async function notifyAdded(tx: Tx, actor: AuthUser, teamId: string, teamName: string, userIds: string[]) {
  await notify(
    { userIds, kind: "team.member.added", actorId: actor.id, title: "teams.notify.added", data: { name: actor.name, team: teamName }, url: teamLink(teamId), entityType: "Team", entityId: teamId },
    tx,
  );
}

/**
 * Forms a team (coordinators and administrators). The lead and the members must be active people;
 * the lead gets LEAD, everyone else MEMBER. A team whose term has already begun starts ACTIVE,
 * otherwise PLANNED (the lead starts it from the overview).
 */
export async function createTeam(actor: AuthUser, input: TeamCreateInput, meta: Meta, now = new Date()): Promise<CommandResult<{ id: string }>> {
  await authorize(actor, canCreateTeam(actor), { action: "team.create", entityType: "Team", ip: meta.ip });
  const memberIds = input.memberIds.filter((id) => id !== input.leadId);
  const errors: FieldErrors = {};
  const inactive = await inactivePeople([input.leadId, ...memberIds], db);
  if (inactive.has(input.leadId)) errors.leadId = "teams.validation.personInactive";
  if (memberIds.some((id) => inactive.has(id))) errors.memberIds = "teams.validation.personInactive";
  if (input.workspaceId && !(await workspaceVisible(actor, input.workspaceId))) errors.workspaceId = "teams.validation.workspace";
  // Text that only survives in tags the sanitiser drops (a script, a style) is no mandate either.
  if (!cleanRichText(input.mandate)) errors.mandate = "teams.validation.mandate";
  if (Object.keys(errors).length) return fail(errors);
  const status: TeamStatus = input.termStart <= warsawDate(now) ? "ACTIVE" : "PLANNED";
  const mandate = cleanRichText(input.mandate);
  const id = await db.$transaction(async (tx) => {
    const team = await tx.team.create({
      data: {
        name: input.name,
        mandate,
        kind: input.kind,
        cadence: input.cadence,
        status,
        termStart: input.termStart,
        termEnd: input.termEnd,
        workspaceId: input.workspaceId,
        createdById: actor.id,
        members: { create: [{ userId: input.leadId, role: "LEAD" as const }, ...memberIds.map((userId) => ({ userId, role: "MEMBER" as const }))] },
      },
      select: { id: true, name: true },
    });
    const after = { ...input, mandate };
    await recordAudit(
      {
        actor,
        action: "team.create",
        entityType: "Team",
        entityId: team.id,
        summary: team.name,
        // The mandate is long HTML: the log notes that it was set, not the whole text.
        changes: { ...diffFields({} as Partial<typeof after>, after, TEAM_FIELDS), mandate: [null, "…"], status: [null, status], leadId: [null, input.leadId], memberIds: [null, memberIds] },
        ip: meta.ip,
      },
      tx,
    );
    await notifyAdded(tx, actor, team.id, team.name, [input.leadId, ...memberIds]);
    return team.id;
  });
  return ok({ id });
}

/**
 * Saves the team form (the lead, coordinators, administrators; open teams only). `version` is the
 * version the user started from: if someone saved in between, nothing is written (409).
 */
export async function updateTeam(actor: AuthUser, teamId: string, input: TeamUpdateInput, meta: Meta): Promise<CommandResult<{ changed: boolean }>> {
  const ctx = await requireTeam(actor, teamId, "updateTeam", meta.ip);
  if (input.workspaceId && input.workspaceId !== ctx.team.workspaceId && !(await workspaceVisible(actor, input.workspaceId))) {
    return fail({ workspaceId: "teams.validation.workspace" });
  }
  const { version, ...fields } = input;
  const data = { ...fields, mandate: cleanRichText(fields.mandate) };
  if (!data.mandate) return fail({ mandate: "teams.validation.mandate" });
  return db.$transaction(async (tx) => {
    const before = await tx.team.findFirst({
      where: { id: teamId, deletedAt: null },
      select: { name: true, mandate: true, kind: true, cadence: true, termStart: true, termEnd: true, workspaceId: true, version: true },
    });
    if (!before) notFound();
    if (before.version !== version) return fail({ _form: "teams.form.conflict" }, 409);
    const changes = diffFields(before, data, TEAM_FIELDS);
    if (Object.keys(changes).length === 0) return ok({ changed: false });
    const saved = await tx.team.updateMany({ where: { id: teamId, version }, data: { ...data, version: { increment: 1 } } });
    if (saved.count === 0) return fail({ _form: "teams.form.conflict" }, 409);
    // The mandate is long HTML: the log says that it changed, not the whole text twice.
    if (changes.mandate) changes.mandate = ["…", "…"];
    await recordAudit({ actor, action: "team.update", entityType: "Team", entityId: teamId, summary: data.name, changes, ip: meta.ip }, tx);
    return ok({ changed: true });
  });
}

// ——— Commands: members ———

const LAST_LEAD: FieldErrors = { _form: "teams.members.lastLead" };

async function anotherLeadRemains(tx: Tx, teamId: string, exceptMemberId: string): Promise<boolean> {
  const leads = await tx.teamMember.count({ where: { teamId, role: "LEAD", id: { not: exceptMemberId }, user: { deactivatedAt: null } } });
  return leads > 0;
}

const personLabel = (user: { name: string; email: string }) => `${user.name} (${user.email})`;

/** Adds people (active, of a partner institution) with one role; those already in the team are an error. */
export async function addMembers(actor: AuthUser, teamId: string, input: { userIds: string[]; role: TeamRole }, meta: Meta): Promise<CommandResult<{ count: number }>> {
  const ctx = await requireTeam(actor, teamId, "manageMembers", meta.ip);
  const people = await db.user.findMany({ where: { id: { in: input.userIds }, ...activePerson }, select: { id: true, name: true, email: true } });
  if (people.length !== input.userIds.length) return fail({ userIds: "teams.validation.personInactive" });
  try {
    await db.$transaction(async (tx) => {
      await tx.teamMember.createMany({ data: people.map((p) => ({ teamId, userId: p.id, role: input.role })) });
      await recordAudit(
        {
          actor,
          action: "team.member.add",
          entityType: "Team",
          entityId: teamId,
          summary: people.map(personLabel).join(", "),
          changes: { userIds: [null, people.map((p) => p.id)], role: [null, input.role] },
          ip: meta.ip,
        },
        tx,
      );
      await notifyAdded(tx, actor, teamId, ctx.team.name, people.map((p) => p.id));
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail({ userIds: "teams.members.alreadyMember" });
    throw error;
  }
  return ok({ count: people.length });
}

export async function changeMemberRole(actor: AuthUser, teamId: string, input: { id: string; role: TeamRole }, meta: Meta): Promise<CommandResult<{ name: string; changed: boolean }>> {
  await requireTeam(actor, teamId, "manageMembers", meta.ip);
  return db.$transaction(async (tx) => {
    const member = await tx.teamMember.findFirst({ where: { id: input.id, teamId }, select: { id: true, role: true, user: { select: { name: true, email: true } } } });
    if (!member) notFound();
    if (member.role === input.role) return ok({ name: member.user.name, changed: false });
    if (member.role === "LEAD" && !(await anotherLeadRemains(tx, teamId, member.id))) return fail(LAST_LEAD);
    await tx.teamMember.update({ where: { id: member.id }, data: { role: input.role } });
    await recordAudit(
      { actor, action: "team.member.role", entityType: "Team", entityId: teamId, summary: personLabel(member.user), changes: { role: [member.role, input.role] }, ip: meta.ip },
      tx,
    );
    return ok({ name: member.user.name, changed: true });
  });
}

/** Removes a member (never the last lead). Their tasks stay assigned to them until the lead hands them on. */
export async function removeMember(actor: AuthUser, teamId: string, input: { id: string }, meta: Meta): Promise<CommandResult<{ name: string }>> {
  await requireTeam(actor, teamId, "manageMembers", meta.ip);
  return db.$transaction(async (tx) => {
    const member = await tx.teamMember.findFirst({ where: { id: input.id, teamId }, select: { id: true, role: true, userId: true, user: { select: { name: true, email: true } } } });
    if (!member) notFound();
    if (member.role === "LEAD" && !(await anotherLeadRemains(tx, teamId, member.id))) return fail(LAST_LEAD);
    await tx.teamMember.delete({ where: { id: member.id } });
    await recordAudit(
      {
        actor,
        action: "team.member.remove",
        entityType: "Team",
        entityId: teamId,
        summary: personLabel(member.user),
        changes: { userId: [member.userId, null], role: [member.role, null] },
        ip: meta.ip,
      },
      tx,
    );
    return ok({ name: member.user.name });
  });
}

// ——— Commands: lifecycle ———

/** What the move means for the people in the team (notification) and for the reader (toast). */
export function lifecycleMessage(from: TeamStatus, to: TeamStatus): "started" | "reopened" | "closed" | "dissolved" {
  if (to === "DONE") return "closed";
  if (to === "DISSOLVED") return "dissolved";
  return from === "PLANNED" ? "started" : "reopened";
}

/**
 * Moves the team along TEAM_TRANSITIONS (the lead, coordinators, administrators). Closing as DONE
 * needs the outcome text; its optional document must be one the actor sees in the team's workspace
 * library. Reopening keeps the last report for reference; the status decides whether it is shown.
 */
export async function changeTeamStatus(
  actor: AuthUser,
  teamId: string,
  input: TeamStatusChange,
  meta: Meta,
): Promise<CommandResult<{ name: string; from: TeamStatus; status: TeamStatus }>> {
  const ctx = await requireTeam(actor, teamId, "changeStatus", meta.ip);
  const from = ctx.team.status;
  if (!TEAM_TRANSITIONS[from].includes(input.status)) return fail({ status: "teams.validation.transition" });
  const closing = input.status === "DONE" || input.status === "DISSOLVED";
  let outcomeDocumentId: string | null = null;
  if (input.status === "DONE" && input.outcomeDocumentId) {
    const doc = ctx.team.workspaceId
      ? await db.document.findFirst({
          where: { id: input.outcomeDocumentId, workspaceId: ctx.team.workspaceId, deletedAt: null, workspace: visibleWorkspacesWhere(actor) },
          select: { id: true },
        })
      : null;
    if (!doc) return fail({ outcomeDocumentId: "teams.validation.outcomeDocument" });
    outcomeDocumentId = doc.id;
  }
  return db.$transaction(async (tx) => {
    const before = await tx.team.findFirst({ where: { id: teamId, deletedAt: null }, select: { status: true, outcome: true, outcomeDocumentId: true, closedAt: true } });
    if (!before) notFound();
    const data: Prisma.TeamUncheckedUpdateManyInput = closing
      ? { status: input.status, outcome: input.outcome, outcomeDocumentId, closedAt: new Date(), closedById: actor.id }
      : { status: input.status, closedAt: null, closedById: null };
    // Guarded by the status we checked: a second click (or someone else) meanwhile changes nothing.
    const saved = await tx.team.updateMany({ where: { id: teamId, status: from }, data: { ...data, version: { increment: 1 } } });
    if (saved.count === 0) return fail({ _form: "teams.form.conflict" }, 409);
    const changes: Record<string, [unknown, unknown]> = { status: [from, input.status] };
    if (closing) {
      if (before.outcome !== input.outcome) changes.outcome = [before.outcome, input.outcome];
      if (before.outcomeDocumentId !== outcomeDocumentId) changes.outcomeDocumentId = [before.outcomeDocumentId, outcomeDocumentId];
    }
    await recordAudit({ actor, action: "team.status", entityType: "Team", entityId: teamId, summary: ctx.team.name, changes, ip: meta.ip }, tx);
    const members = await tx.teamMember.findMany({ where: { teamId }, select: { userId: true } });
    await notify(
      {
        userIds: members.map((m) => m.userId),
        kind: "team.status",
        actorId: actor.id,
        title: `teams.notify.${lifecycleMessage(from, input.status)}`,
        data: { name: actor.name, team: ctx.team.name },
        url: teamLink(teamId),
        entityType: "Team",
        entityId: teamId,
      },
      tx,
    );
    return ok({ name: ctx.team.name, from, status: input.status });
  });
}

// ——— Commands: trash ———

/** Moves the team to the trash: it disappears for everyone but can be restored from the trash view. */
export async function trashTeam(actor: AuthUser, teamId: string, meta: Meta): Promise<{ name: string }> {
  const ctx = await loadTeamAccess(actor, teamId);
  await authorize(actor, canTrashTeam(actor, ctx.access), { action: "team.trash", entityType: "Team", entityId: teamId, ip: meta.ip });
  await db.$transaction(async (tx) => {
    const saved = await tx.team.updateMany({ where: { id: teamId, deletedAt: null }, data: { deletedAt: new Date(), deletedById: actor.id, version: { increment: 1 } } });
    if (saved.count === 0) notFound();
    await recordAudit({ actor, action: "team.trash", entityType: "Team", entityId: teamId, summary: ctx.team.name, ip: meta.ip }, tx);
  });
  return { name: ctx.team.name };
}

/** Access to a team in the trash: 404 unless this person could have removed it. */
async function loadTrashedTeam(actor: Actor, teamId: string): Promise<TeamContext> {
  const team = await db.team.findFirst({
    where: { AND: [{ id: teamId }, trashedTeamsWhere(actor)] },
    select: { id: true, name: true, status: true, kind: true, workspaceId: true, version: true },
  });
  if (!team) notFound();
  // Whoever finds it here is an administrator or a coordinator of it (see trashedTeamsWhere).
  const access: TeamAccess = { role: null, coordinator: !actor.isAdmin, status: team.status };
  return { team, access };
}

export async function restoreTeam(actor: AuthUser, teamId: string, meta: Meta): Promise<{ name: string }> {
  const ctx = await loadTrashedTeam(actor, teamId);
  await authorize(actor, canTrashTeam(actor, ctx.access), { action: "team.restore", entityType: "Team", entityId: teamId, ip: meta.ip });
  await db.$transaction(async (tx) => {
    const saved = await tx.team.updateMany({ where: { id: teamId, deletedAt: { not: null } }, data: { deletedAt: null, deletedById: null, version: { increment: 1 } } });
    if (saved.count === 0) notFound();
    await recordAudit({ actor, action: "team.restore", entityType: "Team", entityId: teamId, summary: ctx.team.name, ip: meta.ip }, tx);
  });
  return { name: ctx.team.name };
}
