// Workspaces: reads scoped to what the actor may see (visibleWorkspacesWhere / loadWorkspaceAccess)
// and named commands. Every command enforces the policy first (404 when invisible, 403 when not
// allowed), then writes in one transaction together with its audit entry.
import { Prisma } from "~/generated/prisma/client";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import { db, type Tx, isUniqueViolation } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { pageArgs, pageInfo } from "~/modules/admin/pagination";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import type { Actor } from "~/modules/auth/actor";
import type { RequestMeta } from "~/modules/auth/auth.server";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { loadWorkspaceAccess, requireWorkspace, visibleWorkspacesWhere } from "./access.server";
import { allowedWorkspaceActions, canCreateWorkspace, strongerRole } from "./workspaces.policy";
import { WORKSPACE_FIELDS, type WorkspaceInput, type WorkspaceQuery } from "./workspaces.schema";

export type CommandResult<T = unknown> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const ok = <T>(value: T): CommandResult<T> => ({ ok: true, value });
const fail = (errors: FieldErrors): CommandResult<never> => ({ ok: false, errors });

// ——— Reads ———

export const WORKSPACE_LIST_PAGE_SIZE = 12;

/**
 * One page of the workspaces the actor sees, with counts: three queries whatever the page size
 * (total, the page with its member rows, active people per member institution).
 * `people` counts everyone with access: direct members plus the active people of member
 * institutions, each person once.
 */
export async function listMyWorkspaces(actor: Actor, query: Pick<WorkspaceQuery, "q" | "page" | "status">, pageSize = WORKSPACE_LIST_PAGE_SIZE) {
  const and: Prisma.WorkspaceWhereInput[] = [visibleWorkspacesWhere(actor), { archivedAt: query.status === "archived" ? { not: null } : null }];
  if (query.q) and.push({ OR: [{ name: { contains: query.q } }, { description: { contains: query.q } }] });
  const where: Prisma.WorkspaceWhereInput = { AND: and };
  const [total, rows] = await Promise.all([
    db.workspace.count({ where }),
    db.workspace.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      ...pageArgs(query.page, pageSize),
      select: {
        id: true,
        name: true,
        description: true,
        color: true,
        icon: true,
        archivedAt: true,
        updatedAt: true,
        owningInstitution: { select: { shortName: true, name: true } },
        institutions: {
          orderBy: { institution: { shortName: "asc" } },
          select: { institutionId: true, role: true, institution: { select: { shortName: true, deletedAt: true } } },
        },
        members: { select: { userId: true, role: true, user: { select: { institutionId: true, deactivatedAt: true } } } },
        _count: { select: { documents: { where: { deletedAt: null } } } },
      },
    }),
  ]);
  const institutionIds = [...new Set(rows.flatMap((r) => r.institutions.filter((i) => !i.institution.deletedAt).map((i) => i.institutionId)))];
  const peoplePerInstitution = new Map<string, number>();
  if (institutionIds.length > 0) {
    const groups = await db.user.groupBy({
      by: ["institutionId"],
      where: { institutionId: { in: institutionIds }, deactivatedAt: null },
      _count: { _all: true },
    });
    for (const g of groups) if (g.institutionId) peoplePerInstitution.set(g.institutionId, g._count._all);
  }
  const items = rows.map((row) => {
    const activeInstitutions = row.institutions.filter((i) => !i.institution.deletedAt);
    const memberInstitutionIds = new Set(activeInstitutions.map((i) => i.institutionId));
    const viaInstitutions = activeInstitutions.reduce((sum, i) => sum + (peoplePerInstitution.get(i.institutionId) ?? 0), 0);
    const directOnly = row.members.filter((m) => !m.user.deactivatedAt && !(m.user.institutionId && memberInstitutionIds.has(m.user.institutionId))).length;
    const myRole = strongerRole(
      row.members.find((m) => m.userId === actor.id)?.role,
      activeInstitutions.find((i) => i.institutionId === actor.institutionId)?.role,
    );
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      color: row.color,
      icon: row.icon,
      archivedAt: row.archivedAt,
      updatedAt: row.updatedAt,
      owningInstitution: row.owningInstitution,
      institutions: activeInstitutions.map((i) => ({ shortName: i.institution.shortName, role: i.role })),
      counts: { institutions: activeInstitutions.length, people: viaInstitutions + directOnly, documents: row._count.documents },
      /** The actor's own role; null for an administrator who sees it without being a member. */
      myRole,
    };
  });
  return { items, page: pageInfo(query.page, total, pageSize) };
}

export type WorkspaceListItem = Awaited<ReturnType<typeof listMyWorkspaces>>["items"][number];

const documentSelect = {
  id: true,
  name: true,
  status: true,
  currentVersion: true,
  mimeType: true,
  updatedAt: true,
} as const satisfies Prisma.DocumentSelect;

/** The most recently changed documents across the actor's workspaces, with the workspace. */
export async function recentDocumentsFor(actor: Actor, take = 8) {
  return db.document.findMany({
    where: { deletedAt: null, workspace: visibleWorkspacesWhere(actor) },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take,
    select: { ...documentSelect, workspace: { select: { id: true, name: true, color: true, icon: true } } },
  });
}

/** People and institutions of a workspace; call only after the actor's access was checked. */
async function membersOf(workspaceId: string) {
  const [institutions, people] = await Promise.all([
    db.workspaceInstitution.findMany({
      where: { workspaceId },
      orderBy: [{ institution: { shortName: "asc" } }, { id: "asc" }],
      select: {
        id: true,
        role: true,
        createdAt: true,
        institution: {
          select: { id: true, shortName: true, name: true, deletedAt: true, _count: { select: { users: { where: { deactivatedAt: null } } } } },
        },
      },
    }),
    db.workspaceMember.findMany({
      where: { workspaceId },
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
      select: {
        id: true,
        role: true,
        createdAt: true,
        user: { select: { id: true, name: true, email: true, deactivatedAt: true, institution: { select: { shortName: true } } } },
      },
    }),
  ]);
  return { institutions, people };
}

export type WorkspaceMembers = Awaited<ReturnType<typeof membersOf>>;

/** Audit actions shown as the workspace's activity (never permission denials). */
const ACTIVITY_ACTIONS = [
  "workspace.create",
  "workspace.update",
  "workspace.archive",
  "workspace.unarchive",
  "workspace.member.add",
  "workspace.member.role",
  "workspace.member.remove",
  "workspace.institution.add",
  "workspace.institution.role",
  "workspace.institution.remove",
] as const;

export type ActivityKind = (typeof ACTIVITY_ACTIONS)[number] | "document.add" | "document.version";

export type ActivityItem = {
  id: string;
  at: Date;
  kind: ActivityKind;
  /** Who or what it was about: a person, an institution, a document. */
  subject: string;
  actorName: string | null;
  role?: WorkspaceRole | null;
  fromRole?: WorkspaceRole | null;
  version?: number;
};

function roleChange(changes: string | null): [WorkspaceRole | null, WorkspaceRole | null] {
  try {
    const parsed = changes ? (JSON.parse(changes) as { role?: [WorkspaceRole | null, WorkspaceRole | null] }) : {};
    return parsed.role ?? [null, null];
  } catch {
    return [null, null];
  }
}

/** Workspace events from the audit log and new document versions, newest first. */
async function activityOf(workspaceId: string, take = 10): Promise<ActivityItem[]> {
  const [events, versions] = await Promise.all([
    db.auditLog.findMany({
      where: { entityType: "Workspace", entityId: workspaceId, action: { in: [...ACTIVITY_ACTIONS] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, createdAt: true, action: true, summary: true, changes: true, actorLabel: true, actor: { select: { name: true } } },
    }),
    db.documentVersion.findMany({
      where: { document: { workspaceId, deletedAt: null } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, number: true, createdAt: true, document: { select: { name: true } }, createdBy: { select: { name: true } } },
    }),
  ]);
  const items: ActivityItem[] = [
    ...events.map((e) => {
      const [fromRole, role] = roleChange(e.changes);
      return {
        id: e.id,
        at: e.createdAt,
        kind: e.action as ActivityKind,
        subject: e.summary,
        actorName: e.actor?.name ?? e.actorLabel,
        role,
        fromRole,
      };
    }),
    ...versions.map((v) => ({
      id: v.id,
      at: v.createdAt,
      kind: (v.number === 1 ? "document.add" : "document.version") as ActivityKind,
      subject: v.document.name,
      actorName: v.createdBy.name,
      version: v.number,
    })),
  ];
  return items.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, take);
}

/** Everything the overview shows; 404 when the actor does not see the workspace. */
export async function getWorkspaceOverview(actor: Actor, workspaceId: string) {
  const access = await loadWorkspaceAccess(actor, workspaceId);
  const [details, members, documents, activity] = await Promise.all([
    db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { createdAt: true, owningInstitution: { select: { shortName: true, name: true } }, createdBy: { select: { name: true } } },
    }),
    membersOf(workspaceId),
    db.document.findMany({
      where: { workspaceId, deletedAt: null },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 5,
      select: documentSelect,
    }),
    activityOf(workspaceId),
  ]);
  return { ...access, ...details, members, documents, activity };
}

/** Candidates for adding, bounded: a select with thousands of people helps nobody. */
export const PEOPLE_OPTIONS_LIMIT = 500;

/** The members page: everyone who sees the workspace reads it; OWNERs also get the candidates. */
export async function getWorkspaceMembersPage(actor: Actor, workspaceId: string) {
  const access = await loadWorkspaceAccess(actor, workspaceId);
  const can = allowedWorkspaceActions(actor, { role: access.role, archived: access.archived });
  const [members, candidates] = await Promise.all([
    membersOf(workspaceId),
    can.manageMembers ? candidatesFor(workspaceId) : Promise.resolve({ people: [], institutions: [] }),
  ]);
  return { ...access, can, members, candidates };
}

async function candidatesFor(workspaceId: string) {
  const [people, institutions] = await Promise.all([
    db.user.findMany({
      where: {
        deactivatedAt: null,
        institution: { deletedAt: null },
        workspaceMembers: { none: { workspaceId } },
      },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: PEOPLE_OPTIONS_LIMIT,
      select: { id: true, name: true, email: true, institution: { select: { shortName: true } } },
    }),
    db.institution.findMany({
      where: { deletedAt: null, workspaceMemberships: { none: { workspaceId } } },
      orderBy: { shortName: "asc" },
      select: { id: true, shortName: true, name: true },
    }),
  ]);
  return { people, institutions };
}

// ——— Commands: the workspace ———

async function activeInstitution(id: string, client: Tx | typeof db = db) {
  return client.institution.findFirst({ where: { id, deletedAt: null }, select: { id: true, shortName: true } });
}

/** Coordinators (for their own institution) and administrators (for any) create; the creator becomes OWNER. */
export async function createWorkspace(actor: AuthUser, input: WorkspaceInput, meta: RequestMeta): Promise<CommandResult<{ id: string }>> {
  await authorize(actor, canCreateWorkspace(actor), { action: "workspace.create", entityType: "Workspace", ip: meta.ip });
  if (!actor.isAdmin && input.owningInstitutionId !== actor.institutionId) {
    return fail({ owningInstitutionId: "workspaces.form.owningInstitutionOwn" });
  }
  if (!(await activeInstitution(input.owningInstitutionId))) return fail({ owningInstitutionId: "workspaces.form.owningInstitutionMissing" });
  const id = await db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: { ...input, createdById: actor.id, members: { create: { userId: actor.id, role: "OWNER" } } },
    });
    await recordAudit(
      {
        actor,
        action: "workspace.create",
        entityType: "Workspace",
        entityId: workspace.id,
        summary: workspace.name,
        changes: diffFields({} as Partial<WorkspaceInput>, input, WORKSPACE_FIELDS),
        ip: meta.ip,
      },
      tx,
    );
    return workspace.id;
  });
  return ok({ id });
}

export async function updateWorkspace(actor: AuthUser, workspaceId: string, input: WorkspaceInput, meta: RequestMeta): Promise<CommandResult<{ changed: boolean }>> {
  const ctx = await requireWorkspace(actor, workspaceId, "updateSettings", meta.ip);
  if (input.owningInstitutionId !== ctx.workspace.owningInstitutionId && !(await activeInstitution(input.owningInstitutionId))) {
    return fail({ owningInstitutionId: "workspaces.form.owningInstitutionMissing" });
  }
  const changed = await db.$transaction(async (tx) => {
    const before = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { name: true, description: true, color: true, icon: true, owningInstitutionId: true } });
    if (!before) notFound();
    const changes = diffFields(before, input, WORKSPACE_FIELDS);
    if (Object.keys(changes).length === 0) return false;
    await tx.workspace.update({ where: { id: workspaceId }, data: input });
    await recordAudit({ actor, action: "workspace.update", entityType: "Workspace", entityId: workspaceId, summary: input.name, changes, ip: meta.ip }, tx);
    return true;
  });
  return ok({ changed });
}

/** Archived workspaces are read-only (see the policy); archiving twice changes nothing. */
export async function archiveWorkspace(actor: AuthUser, workspaceId: string, meta: RequestMeta) {
  return setArchived(actor, workspaceId, true, meta);
}

export async function unarchiveWorkspace(actor: AuthUser, workspaceId: string, meta: RequestMeta) {
  return setArchived(actor, workspaceId, false, meta);
}

async function setArchived(actor: AuthUser, workspaceId: string, archive: boolean, meta: RequestMeta): Promise<{ name: string; changed: boolean }> {
  const ctx = await requireWorkspace(actor, workspaceId, "archive", meta.ip);
  const changed = await db.$transaction(async (tx) => {
    const archivedAt = archive ? new Date() : null;
    const { count } = await tx.workspace.updateMany({
      where: { id: workspaceId, archivedAt: archive ? null : { not: null } },
      data: { archivedAt },
    });
    if (count === 0) return false;
    await recordAudit(
      {
        actor,
        action: archive ? "workspace.archive" : "workspace.unarchive",
        entityType: "Workspace",
        entityId: workspaceId,
        summary: ctx.workspace.name,
        changes: { archivedAt: [ctx.workspace.archivedAt, archivedAt] },
        ip: meta.ip,
      },
      tx,
    );
    return true;
  });
  return { name: ctx.workspace.name, changed };
}

// ——— Commands: membership ———

const LAST_OWNER: FieldErrors = { _form: "workspaces.members.lastOwner" };

/**
 * Whether someone other than the excluded row still owns the workspace: an active person or an
 * institution that is not in the trash. Checked inside the transaction of the change.
 */
async function anotherOwnerRemains(tx: Tx, workspaceId: string, except: { memberId?: string; institutionRowId?: string }) {
  const people = await tx.workspaceMember.count({
    where: { workspaceId, role: "OWNER", id: except.memberId ? { not: except.memberId } : undefined, user: { deactivatedAt: null } },
  });
  if (people > 0) return true;
  const institutions = await tx.workspaceInstitution.count({
    where: { workspaceId, role: "OWNER", id: except.institutionRowId ? { not: except.institutionRowId } : undefined, institution: { deletedAt: null } },
  });
  return institutions > 0;
}

const personLabel = (user: { name: string; email: string }) => `${user.name} (${user.email})`;

export async function addMember(
  actor: AuthUser,
  workspaceId: string,
  input: { userId: string; role: WorkspaceRole },
  meta: RequestMeta,
): Promise<CommandResult<{ name: string }>> {
  await requireWorkspace(actor, workspaceId, "manageMembers", meta.ip);
  const person = await db.user.findFirst({
    where: { id: input.userId, deactivatedAt: null, institution: { deletedAt: null } },
    select: { id: true, name: true, email: true },
  });
  if (!person) return fail({ userId: "workspaces.members.personMissing" });
  try {
    await db.$transaction(async (tx) => {
      await tx.workspaceMember.create({ data: { workspaceId, userId: person.id, role: input.role } });
      await recordAudit(
        {
          actor,
          action: "workspace.member.add",
          entityType: "Workspace",
          entityId: workspaceId,
          summary: personLabel(person),
          changes: { userId: [null, person.id], role: [null, input.role] },
          ip: meta.ip,
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail({ userId: "workspaces.members.alreadyMember" });
    throw error;
  }
  return ok({ name: person.name });
}

/** A whole institution: its current and future people get `role` (see access.server). */
export async function addInstitution(
  actor: AuthUser,
  workspaceId: string,
  input: { institutionId: string; role: WorkspaceRole },
  meta: RequestMeta,
): Promise<CommandResult<{ shortName: string }>> {
  await requireWorkspace(actor, workspaceId, "manageMembers", meta.ip);
  const institution = await activeInstitution(input.institutionId);
  if (!institution) return fail({ institutionId: "workspaces.members.institutionMissing" });
  try {
    await db.$transaction(async (tx) => {
      await tx.workspaceInstitution.create({ data: { workspaceId, institutionId: institution.id, role: input.role } });
      await recordAudit(
        {
          actor,
          action: "workspace.institution.add",
          entityType: "Workspace",
          entityId: workspaceId,
          summary: institution.shortName,
          changes: { institutionId: [null, institution.id], role: [null, input.role] },
          ip: meta.ip,
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail({ institutionId: "workspaces.members.alreadyMemberInstitution" });
    throw error;
  }
  return ok({ shortName: institution.shortName });
}

export async function changeMemberRole(
  actor: AuthUser,
  workspaceId: string,
  input: { id: string; role: WorkspaceRole },
  meta: RequestMeta,
): Promise<CommandResult<{ name: string; changed: boolean }>> {
  await requireWorkspace(actor, workspaceId, "manageMembers", meta.ip);
  return db.$transaction(async (tx) => {
    const member = await tx.workspaceMember.findFirst({ where: { id: input.id, workspaceId }, select: { id: true, role: true, user: { select: { name: true, email: true } } } });
    if (!member) notFound();
    if (member.role === input.role) return ok({ name: member.user.name, changed: false });
    if (member.role === "OWNER" && !(await anotherOwnerRemains(tx, workspaceId, { memberId: member.id }))) return fail(LAST_OWNER);
    await tx.workspaceMember.update({ where: { id: member.id }, data: { role: input.role } });
    await recordAudit(
      {
        actor,
        action: "workspace.member.role",
        entityType: "Workspace",
        entityId: workspaceId,
        summary: personLabel(member.user),
        changes: { role: [member.role, input.role] },
        ip: meta.ip,
      },
      tx,
    );
    return ok({ name: member.user.name, changed: true });
  });
}

export async function changeInstitutionRole(
  actor: AuthUser,
  workspaceId: string,
  input: { id: string; role: WorkspaceRole },
  meta: RequestMeta,
): Promise<CommandResult<{ shortName: string; changed: boolean }>> {
  await requireWorkspace(actor, workspaceId, "manageMembers", meta.ip);
  return db.$transaction(async (tx) => {
    const row = await tx.workspaceInstitution.findFirst({ where: { id: input.id, workspaceId }, select: { id: true, role: true, institution: { select: { shortName: true } } } });
    if (!row) notFound();
    const shortName = row.institution.shortName;
    if (row.role === input.role) return ok({ shortName, changed: false });
    if (row.role === "OWNER" && !(await anotherOwnerRemains(tx, workspaceId, { institutionRowId: row.id }))) return fail(LAST_OWNER);
    await tx.workspaceInstitution.update({ where: { id: row.id }, data: { role: input.role } });
    await recordAudit(
      { actor, action: "workspace.institution.role", entityType: "Workspace", entityId: workspaceId, summary: shortName, changes: { role: [row.role, input.role] }, ip: meta.ip },
      tx,
    );
    return ok({ shortName, changed: true });
  });
}

export async function removeMember(actor: AuthUser, workspaceId: string, input: { id: string }, meta: RequestMeta): Promise<CommandResult<{ name: string }>> {
  await requireWorkspace(actor, workspaceId, "manageMembers", meta.ip);
  return db.$transaction(async (tx) => {
    const member = await tx.workspaceMember.findFirst({ where: { id: input.id, workspaceId }, select: { id: true, role: true, userId: true, user: { select: { name: true, email: true } } } });
    if (!member) notFound();
    if (member.role === "OWNER" && !(await anotherOwnerRemains(tx, workspaceId, { memberId: member.id }))) return fail(LAST_OWNER);
    await tx.workspaceMember.delete({ where: { id: member.id } });
    await recordAudit(
      {
        actor,
        action: "workspace.member.remove",
        entityType: "Workspace",
        entityId: workspaceId,
        summary: personLabel(member.user),
        changes: { userId: [member.userId, null], role: [member.role, null] },
        ip: meta.ip,
      },
      tx,
    );
    return ok({ name: member.user.name });
  });
}

export async function removeInstitution(actor: AuthUser, workspaceId: string, input: { id: string }, meta: RequestMeta): Promise<CommandResult<{ shortName: string }>> {
  await requireWorkspace(actor, workspaceId, "manageMembers", meta.ip);
  return db.$transaction(async (tx) => {
    const row = await tx.workspaceInstitution.findFirst({
      where: { id: input.id, workspaceId },
      select: { id: true, role: true, institutionId: true, institution: { select: { shortName: true } } },
    });
    if (!row) notFound();
    if (row.role === "OWNER" && !(await anotherOwnerRemains(tx, workspaceId, { institutionRowId: row.id }))) return fail(LAST_OWNER);
    await tx.workspaceInstitution.delete({ where: { id: row.id } });
    await recordAudit(
      {
        actor,
        action: "workspace.institution.remove",
        entityType: "Workspace",
        entityId: workspaceId,
        summary: row.institution.shortName,
        changes: { institutionId: [row.institutionId, null], role: [row.role, null] },
        ip: meta.ip,
      },
      tx,
    );
    return ok({ shortName: row.institution.shortName });
  });
}
