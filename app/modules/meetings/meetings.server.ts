// Meetings: reads scoped to what the actor may see (access.server.ts) and named commands. Callers
// have already authorised the actor (requireMeeting); these functions re-check what only the data
// can tell (the workspace/team/organiser chosen, the version the user started from) and write the
// change together with its audit entry in one transaction.
import type { MeetingKind, Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/modules/auth/actor";
import { recordAudit } from "~/modules/audit/audit.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { pageArgs, pageInfo } from "~/modules/admin/pagination";
import { addDays, warsawDate, warsawInstant, warsawTime } from "~/modules/tasks/deadline";
import type { TaskFields } from "~/modules/tasks/tasks.schema";
import { cleanRichText, createTask } from "~/modules/tasks/tasks.server";
import { loadTeamAccess, visibleTeamsWhere } from "~/modules/teams/access.server";
import { canTeam } from "~/modules/teams/team.policy";
import { visibleWorkspacesWhere } from "~/modules/workspaces/access.server";
import { strongerRole } from "~/modules/workspaces/workspaces.policy";
import { getEnv } from "~/utils/env.server";
import type { FieldErrors } from "~/utils/forms";
import { db, type Tx } from "~/utils/db.server";
import type { MeetingContext } from "./access.server";
import { visibleMeetingsWhere, visibleTrashedMeetingsWhere } from "./access.server";
import { canCreateMeeting } from "./meetings.policy";
import type { AgendaFields, ListQuery, MeetingFields } from "./meetings.schema";

type Meta = { ip?: string };
export type MeetingResult =
  | { ok: true; id: string; version: number }
  | { ok: false; status: 400; errors: FieldErrors }
  | { ok: false; status: 409; conflict: true };

export const MEETINGS_PAGE_SIZE = 20;
export const CALENDAR_MAX = 500;

export const meetingUrl = (id: string) => `/spotkania/${id}`;

// ——— Form options and the rules only the data can check ———

/** Institutions the actor may name as organiser: all for administrators, otherwise their own. */
async function organizerChoices(actor: Actor) {
  return db.institution.findMany({
    where: { deletedAt: null, ...(actor.isAdmin ? {} : { id: actor.institutionId ?? "" }) },
    select: { id: true, shortName: true, name: true },
    orderBy: { shortName: "asc" },
  });
}

/** Everything the meeting form offers: organisers, visible workspaces and teams. */
export async function meetingFormOptions(actor: Actor) {
  const [institutions, workspaces, teams] = await Promise.all([
    organizerChoices(actor),
    db.workspace.findMany({ where: { ...visibleWorkspacesWhere(actor), archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 200 }),
    db.team.findMany({ where: visibleTeamsWhere(actor), select: { id: true, name: true }, orderBy: { name: "asc" }, take: 200 }),
  ]);
  return { institutions, workspaces, teams };
}
export type MeetingFormOptions = Awaited<ReturnType<typeof meetingFormOptions>>;

/** The actor's role in a workspace / team (null when not visible at all). */
async function scopeRoles(actor: Actor, workspaceId: string | null, teamId: string | null, client: Tx | typeof db) {
  let workspaceRole: string | null = null;
  let workspaceVisible = true;
  if (workspaceId) {
    const ws = await client.workspace.findFirst({
      where: { id: workspaceId, ...visibleWorkspacesWhere(actor) },
      select: {
        members: { where: { userId: actor.id }, select: { role: true } },
        institutions: { where: { institutionId: actor.institutionId ?? "" }, select: { role: true } },
      },
    });
    workspaceVisible = !!ws;
    workspaceRole = ws ? (actor.isAdmin ? "OWNER" : strongerRole(ws.members[0]?.role, ws.institutions[0]?.role)) : null;
  }
  let teamRole: string | null = null;
  let teamVisible = true;
  if (teamId) {
    const team = await client.team.findFirst({ where: { id: teamId, ...visibleTeamsWhere(actor) }, select: { members: { where: { userId: actor.id }, select: { role: true } } } });
    teamVisible = !!team;
    teamRole = team?.members[0]?.role ?? null;
  }
  return { workspaceRole, workspaceVisible, teamRole, teamVisible };
}

async function checkFields(actor: Actor, fields: MeetingFields, client: Tx | typeof db, creating: boolean): Promise<FieldErrors | null> {
  const errors: FieldErrors = {};
  const roles = await scopeRoles(actor, fields.workspaceId, fields.teamId, client);
  if (!roles.workspaceVisible) errors.workspaceId = "meetings.validation.workspace";
  if (!roles.teamVisible) errors.teamId = "meetings.validation.team";
  const organizers = await client.institution.findMany({ where: { id: fields.organizerInstitutionId, deletedAt: null }, select: { id: true } });
  const ownOrAdmin = actor.isAdmin || actor.institutionId === fields.organizerInstitutionId;
  if (!organizers.length || !ownOrAdmin) errors.organizerInstitutionId = "meetings.validation.organizer";
  if (creating && !canCreateMeeting(actor, roles)) errors._form = "meetings.validation.cannotCreate";
  return Object.keys(errors).length ? errors : null;
}

function storedFields(fields: MeetingFields) {
  return {
    title: fields.title,
    kind: fields.kind as MeetingKind,
    trainingProvider: fields.kind === "TRAINING" ? fields.trainingProvider : null,
    startsAt: warsawInstant(fields.date, fields.startTime),
    endsAt: warsawInstant(fields.endDate ?? fields.date, fields.endTime),
    place: fields.place,
    onlineUrl: fields.onlineUrl,
    organizerInstitutionId: fields.organizerInstitutionId,
    workspaceId: fields.workspaceId,
    teamId: fields.teamId,
    description: cleanRichText(fields.description),
  };
}

/** The form values of a stored meeting (the edit form starts from them). */
export function fieldsOf(m: {
  title: string;
  kind: string;
  trainingProvider: string | null;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  organizerInstitutionId: string;
  workspaceId: string | null;
  teamId: string | null;
  description: string;
}): Record<string, string> {
  const date = warsawDate(m.startsAt);
  const endDate = warsawDate(m.endsAt);
  return {
    title: m.title,
    kind: m.kind,
    trainingProvider: m.trainingProvider ?? "",
    date,
    startTime: warsawTime(m.startsAt),
    endDate: endDate === date ? "" : endDate,
    endTime: warsawTime(m.endsAt),
    place: m.place ?? "",
    onlineUrl: m.onlineUrl ?? "",
    organizerInstitutionId: m.organizerInstitutionId,
    workspaceId: m.workspaceId ?? "",
    teamId: m.teamId ?? "",
    description: m.description,
  };
}

// ——— Commands ———

/** 403 when the only problem is that the actor may not create a meeting there (the route audits it). */
export async function createMeeting(user: AuthUser, fields: MeetingFields, meta: Meta): Promise<MeetingResult | { ok: false; status: 403 }> {
  return db.$transaction(async (tx) => {
    const errors = await checkFields(user, fields, tx, true);
    if (errors && Object.keys(errors).length === 1 && errors._form === "meetings.validation.cannotCreate") return { ok: false as const, status: 403 as const };
    if (errors) return { ok: false as const, status: 400 as const, errors };
    const data = storedFields(fields);
    const m = await tx.meeting.create({ data: { ...data, createdById: user.id }, select: { id: true, version: true } });
    await recordAudit(
      { actor: user, action: "meeting.create", entityType: "Meeting", entityId: m.id, summary: data.title, changes: { kind: data.kind, startsAt: data.startsAt.toISOString() }, ip: meta.ip },
      tx,
    );
    return { ok: true as const, id: m.id, version: m.version };
  });
}

export async function updateMeeting(user: AuthUser, ctx: MeetingContext, fields: MeetingFields, version: number, meta: Meta): Promise<MeetingResult> {
  return db.$transaction(async (tx) => {
    const errors = await checkFields(user, fields, tx, false);
    if (errors) return { ok: false as const, status: 400 as const, errors };
    const data = storedFields(fields);
    const res = await tx.meeting.updateMany({ where: { id: ctx.meeting.id, version, deletedAt: null }, data: { ...data, version: { increment: 1 } } });
    if (res.count === 0) return { ok: false as const, status: 409 as const, conflict: true as const };
    await recordAudit({ actor: user, action: "meeting.update", entityType: "Meeting", entityId: ctx.meeting.id, summary: data.title, ip: meta.ip }, tx);
    return { ok: true as const, id: ctx.meeting.id, version: version + 1 };
  });
}

export async function cancelMeeting(user: AuthUser, ctx: MeetingContext, meta: Meta): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: ctx.meeting.id }, data: { cancelledAt: new Date(), version: { increment: 1 } } });
    await recordAudit({ actor: user, action: "meeting.cancel", entityType: "Meeting", entityId: ctx.meeting.id, summary: ctx.meeting.title, ip: meta.ip }, tx);
  });
}

export async function trashMeeting(user: AuthUser, ctx: MeetingContext, meta: Meta): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: ctx.meeting.id }, data: { deletedAt: new Date(), deletedById: user.id } });
    await recordAudit({ actor: user, action: "meeting.trash", entityType: "Meeting", entityId: ctx.meeting.id, summary: ctx.meeting.title, ip: meta.ip }, tx);
  });
}

export async function restoreMeeting(user: AuthUser, ctx: MeetingContext, meta: Meta): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: ctx.meeting.id }, data: { deletedAt: null, deletedById: null } });
    await recordAudit({ actor: user, action: "meeting.restore", entityType: "Meeting", entityId: ctx.meeting.id, summary: ctx.meeting.title, ip: meta.ip }, tx);
  });
}

// ——— Agenda ———

/** An owner from the app must be an active person; a free-text name is kept only without one. */
async function agendaData(fields: AgendaFields): Promise<{ errors: FieldErrors } | { data: Omit<Prisma.MeetingAgendaItemUncheckedCreateInput, "meetingId" | "position"> }> {
  if (fields.ownerId) {
    const owner = await db.user.findFirst({ where: { id: fields.ownerId, deactivatedAt: null }, select: { id: true } });
    if (!owner) return { errors: { ownerId: "meetings.validation.person" } };
  }
  return {
    data: {
      title: fields.title,
      ownerId: fields.ownerId,
      ownerName: fields.ownerId ? null : fields.ownerName,
      startTime: fields.startTime,
      durationMinutes: fields.durationMinutes,
      notes: fields.notes,
    },
  };
}

export async function addAgendaItem(user: AuthUser, ctx: MeetingContext, fields: AgendaFields, meta: Meta): Promise<FieldErrors | null> {
  const prepared = await agendaData(fields);
  if ("errors" in prepared) return prepared.errors;
  await db.$transaction(async (tx) => {
    const last = await tx.meetingAgendaItem.findFirst({ where: { meetingId: ctx.meeting.id }, orderBy: { position: "desc" }, select: { position: true } });
    const item = await tx.meetingAgendaItem.create({ data: { ...prepared.data, meetingId: ctx.meeting.id, position: (last?.position ?? 0) + 1 }, select: { id: true } });
    await recordAudit({ actor: user, action: "meeting.agenda.add", entityType: "Meeting", entityId: ctx.meeting.id, summary: fields.title, changes: { itemId: item.id }, ip: meta.ip }, tx);
  });
  return null;
}

export async function updateAgendaItem(user: AuthUser, ctx: MeetingContext, itemId: string, fields: AgendaFields, meta: Meta): Promise<FieldErrors | null | "missing"> {
  const prepared = await agendaData(fields);
  if ("errors" in prepared) return prepared.errors;
  return db.$transaction(async (tx) => {
    const res = await tx.meetingAgendaItem.updateMany({ where: { id: itemId, meetingId: ctx.meeting.id }, data: prepared.data });
    if (res.count === 0) return "missing" as const;
    await recordAudit({ actor: user, action: "meeting.agenda.update", entityType: "Meeting", entityId: ctx.meeting.id, summary: fields.title, changes: { itemId }, ip: meta.ip }, tx);
    return null;
  });
}

export async function removeAgendaItem(user: AuthUser, ctx: MeetingContext, itemId: string, meta: Meta): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const item = await tx.meetingAgendaItem.findFirst({ where: { id: itemId, meetingId: ctx.meeting.id }, select: { title: true } });
    if (!item) return false;
    await tx.meetingAgendaItem.delete({ where: { id: itemId } });
    await recordAudit({ actor: user, action: "meeting.agenda.remove", entityType: "Meeting", entityId: ctx.meeting.id, summary: item.title, changes: { itemId }, ip: meta.ip }, tx);
    return true;
  });
}

/** Swaps the item with its neighbour above (-1) or below (+1); positions are renumbered 1…n. */
export async function moveAgendaItem(user: AuthUser, ctx: MeetingContext, itemId: string, by: -1 | 1, meta: Meta): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const items = await tx.meetingAgendaItem.findMany({ where: { meetingId: ctx.meeting.id }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, title: true } });
    const i = items.findIndex((x) => x.id === itemId);
    const j = i + by;
    if (i < 0 || j < 0 || j >= items.length) return false;
    [items[i], items[j]] = [items[j], items[i]];
    for (const [k, item] of items.entries()) await tx.meetingAgendaItem.update({ where: { id: item.id }, data: { position: k + 1 } });
    await recordAudit({ actor: user, action: "meeting.agenda.move", entityType: "Meeting", entityId: ctx.meeting.id, summary: items[j].title, changes: { itemId, to: j + 1 }, ip: meta.ip }, tx);
    return true;
  });
}

// ——— Attendance ———

/**
 * Saves the ticks of the attendance list: every invitation of the meeting gets a row (present or
 * not); the name and organisation are copied as they will be printed on the list.
 */
export async function saveAttendance(user: AuthUser, ctx: MeetingContext, presentInvitationIds: Set<string>, meta: Meta): Promise<number> {
  return db.$transaction(async (tx) => {
    const invitations = await tx.meetingInvitation.findMany({
      where: { meetingId: ctx.meeting.id },
      select: { id: true, guestName: true, guestEmail: true, user: { select: { name: true, institution: { select: { shortName: true } } } } },
    });
    const existing = await tx.meetingAttendance.findMany({ where: { meetingId: ctx.meeting.id, invitationId: { not: null } }, select: { invitationId: true, present: true } });
    const byInvitation = new Map(existing.map((e) => [e.invitationId, e.present]));
    let changed = 0;
    for (const inv of invitations) {
      const present = presentInvitationIds.has(inv.id);
      if (byInvitation.get(inv.id) === present || (!byInvitation.has(inv.id) && !present)) continue;
      const name = inv.user?.name ?? inv.guestName ?? inv.guestEmail ?? "—";
      await tx.meetingAttendance.upsert({
        where: { meetingId_invitationId: { meetingId: ctx.meeting.id, invitationId: inv.id } },
        create: { meetingId: ctx.meeting.id, invitationId: inv.id, name, organisation: inv.user?.institution?.shortName ?? null, present, recordedById: user.id },
        update: { present, recordedById: user.id, recordedAt: new Date() },
      });
      changed++;
    }
    await recordAudit(
      { actor: user, action: "meeting.attendance.save", entityType: "Meeting", entityId: ctx.meeting.id, summary: ctx.meeting.title, changes: { present: presentInvitationIds.size, changed }, ip: meta.ip },
      tx,
    );
    return changed;
  });
}

export async function addWalkIn(user: AuthUser, ctx: MeetingContext, fields: { name: string; organisation: string | null }, meta: Meta): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.meetingAttendance.create({ data: { meetingId: ctx.meeting.id, name: fields.name, organisation: fields.organisation, present: true, recordedById: user.id }, select: { id: true } });
    await recordAudit({ actor: user, action: "meeting.attendance.add", entityType: "Meeting", entityId: ctx.meeting.id, summary: fields.name, changes: { attendanceId: row.id }, ip: meta.ip }, tx);
  });
}

export async function removeWalkIn(user: AuthUser, ctx: MeetingContext, attendanceId: string, meta: Meta): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.meetingAttendance.findFirst({ where: { id: attendanceId, meetingId: ctx.meeting.id, invitationId: null }, select: { name: true } });
    if (!row) return false;
    await tx.meetingAttendance.delete({ where: { id: attendanceId } });
    await recordAudit({ actor: user, action: "meeting.attendance.remove", entityType: "Meeting", entityId: ctx.meeting.id, summary: row.name, ip: meta.ip }, tx);
    return true;
  });
}

// ——— Minutes ———

export async function saveMinutes(user: AuthUser, ctx: MeetingContext, html: string, version: number, meta: Meta): Promise<MeetingResult> {
  const minutes = cleanRichText(html);
  return db.$transaction(async (tx) => {
    const res = await tx.meeting.updateMany({
      where: { id: ctx.meeting.id, version, deletedAt: null },
      data: { minutes, minutesUpdatedAt: new Date(), minutesUpdatedById: user.id, version: { increment: 1 } },
    });
    if (res.count === 0) return { ok: false as const, status: 409 as const, conflict: true as const };
    await recordAudit({ actor: user, action: "meeting.minutes", entityType: "Meeting", entityId: ctx.meeting.id, summary: ctx.meeting.title, changes: { length: minutes.length }, ip: meta.ip }, tx);
    return { ok: true as const, id: ctx.meeting.id, version: version + 1 };
  });
}

// ——— Outcomes ———

export async function addOutcome(user: AuthUser, ctx: MeetingContext, kind: "DECISION" | "ACTION", text: string, meta: Meta): Promise<void> {
  await db.$transaction(async (tx) => {
    const last = await tx.meetingOutcome.findFirst({ where: { meetingId: ctx.meeting.id }, orderBy: { position: "desc" }, select: { position: true } });
    const row = await tx.meetingOutcome.create({ data: { meetingId: ctx.meeting.id, kind, text, position: (last?.position ?? 0) + 1, createdById: user.id }, select: { id: true } });
    await recordAudit({ actor: user, action: "meeting.outcome.add", entityType: "Meeting", entityId: ctx.meeting.id, summary: text.slice(0, 200), changes: { outcomeId: row.id, kind }, ip: meta.ip }, tx);
  });
}

export async function removeOutcome(user: AuthUser, ctx: MeetingContext, outcomeId: string, meta: Meta): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.meetingOutcome.findFirst({ where: { id: outcomeId, meetingId: ctx.meeting.id }, select: { text: true } });
    if (!row) return false;
    await tx.meetingOutcome.delete({ where: { id: outcomeId } });
    await recordAudit({ actor: user, action: "meeting.outcome.remove", entityType: "Meeting", entityId: ctx.meeting.id, summary: row.text.slice(0, 200), ip: meta.ip }, tx);
    return true;
  });
}

export type OutcomeTaskResult = { ok: true; taskId: string; teamId: string } | { ok: false; status: 400 | 403 | 404; errors?: FieldErrors };

/**
 * Turns an action item into a task of a team where the actor may create tasks (404 for a team they
 * don't see, 403 for one they can't add tasks to). The task is linked back from the outcome.
 */
export async function outcomeToTask(
  user: AuthUser,
  ctx: MeetingContext,
  input: { outcomeId: string; teamId: string; assigneeId: string | null; dueDate: string | null },
  meta: Meta,
): Promise<OutcomeTaskResult> {
  const outcome = await db.meetingOutcome.findFirst({ where: { id: input.outcomeId, meetingId: ctx.meeting.id }, select: { id: true, kind: true, text: true, taskId: true } });
  if (!outcome || outcome.kind !== "ACTION") return { ok: false, status: 404 };
  if (outcome.taskId) return { ok: false, status: 400, errors: { _form: "meetings.outcomes.alreadyTask" } };
  const team = await loadTeamAccess(user, input.teamId); // 404 when invisible
  if (!canTeam(user, "createTask", team.access)) return { ok: false, status: 403 };
  const title = outcome.text.length > 200 ? `${outcome.text.slice(0, 197)}…` : outcome.text;
  const fields: TaskFields = {
    title,
    // Absolute: the rich-text sanitiser keeps only http(s) links, a relative one would lose its link.
    description: `<p>${escapeHtml(outcome.text)}</p><p><a href="${escapeHtml(getEnv().appUrl + meetingUrl(ctx.meeting.id))}">${escapeHtml(ctx.meeting.title)}</a></p>`,
    assigneeId: input.assigneeId,
    helperIds: [],
    dueDate: input.dueDate,
    dueTime: null,
    priority: "NORMAL",
    labels: [],
  };
  const result = await createTask(user, team, fields, meta);
  if (!result.ok) return { ok: false, status: 400, errors: "errors" in result ? result.errors : { _form: "meetings.outcomes.taskFailed" } };
  await db.$transaction(async (tx) => {
    await tx.meetingOutcome.update({ where: { id: outcome.id }, data: { taskId: result.id } });
    await recordAudit({ actor: user, action: "meeting.outcome.task", entityType: "Meeting", entityId: ctx.meeting.id, summary: title, changes: { outcomeId: outcome.id, taskId: result.id, teamId: input.teamId }, ip: meta.ip }, tx);
  });
  return { ok: true, taskId: result.id, teamId: input.teamId };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// ——— Reads ———

/** What every view of a meeting shows: what, when and where. */
const meetingCoreSelect = {
  id: true,
  title: true,
  kind: true,
  trainingProvider: true,
  startsAt: true,
  endsAt: true,
  place: true,
  onlineUrl: true,
} satisfies Prisma.MeetingSelect;

/** The workspace and the team a meeting belongs to, if any. */
const meetingLinksSelect = {
  workspace: { select: { id: true, name: true } },
  team: { select: { id: true, name: true } },
} satisfies Prisma.MeetingSelect;

const listSelect = {
  ...meetingCoreSelect,
  cancelledAt: true,
  organizerInstitution: { select: { shortName: true } },
  ...meetingLinksSelect,
  _count: { select: { agenda: true, invitations: true } },
} satisfies Prisma.MeetingSelect;

export type MeetingListItem = Prisma.MeetingGetPayload<{ select: typeof listSelect }>;

/**
 * Meetings the actor runs (the same rule as `organizer` in access.server.ts): the creator, the
 * coordinators of the organiser institution, OWNER/EDITOR of its workspace, the lead of its team.
 */
function organisedByWhere(actor: Actor): Prisma.MeetingWhereInput {
  if (actor.isAdmin) return {};
  const editor = { in: ["OWNER", "EDITOR"] as ("OWNER" | "EDITOR")[] };
  const or: Prisma.MeetingWhereInput[] = [
    { createdById: actor.id },
    { workspace: { members: { some: { userId: actor.id, role: editor } } } },
    { team: { deletedAt: null, members: { some: { userId: actor.id, role: "LEAD" } } } },
  ];
  if (actor.institutionId) {
    or.push({ workspace: { institutions: { some: { institutionId: actor.institutionId, role: editor, institution: { deletedAt: null } } } } });
    if (actor.institutionRole === "COORDINATOR") or.push({ organizerInstitutionId: actor.institutionId });
  }
  return { OR: or };
}

/** Whether "Nowe spotkanie" makes sense: coordinators/admins, or OWNER/EDITOR of a workspace, or a team lead (one query at most). */
async function mayCreateSomewhere(actor: Actor): Promise<boolean> {
  if (canCreateMeeting(actor)) return true;
  const editor = { in: ["OWNER", "EDITOR"] as ("OWNER" | "EDITOR")[] };
  const found = await db.user.findFirst({
    where: {
      id: actor.id,
      OR: [
        { workspaceMembers: { some: { role: editor, workspace: { archivedAt: null } } } },
        { teamMemberships: { some: { role: "LEAD", team: { deletedAt: null } } } },
        { institution: { deletedAt: null, workspaceMemberships: { some: { role: editor, workspace: { archivedAt: null } } } } },
      ],
    },
    select: { id: true },
  });
  return !!found;
}

/**
 * The list view: upcoming (soonest first), past (latest first), all, or the trash (only meetings
 * the actor organises). Upcoming = not yet ended at `now`. Three queries at most.
 */
export async function listMeetings(actor: Actor, query: ListQuery, now: Date) {
  let where: Prisma.MeetingWhereInput;
  if (query.zakres === "kosz") {
    where = { AND: [visibleTrashedMeetingsWhere(actor), organisedByWhere(actor)] };
  } else {
    where = { ...visibleMeetingsWhere(actor) };
    if (query.zakres === "nadchodzace") where.endsAt = { gte: now };
    if (query.zakres === "minione") where.endsAt = { lt: now };
  }
  if (query.rodzaj) where.kind = query.rodzaj;
  const orderBy: Prisma.MeetingOrderByWithRelationInput[] = query.zakres === "nadchodzace" ? [{ startsAt: "asc" }, { id: "asc" }] : [{ startsAt: "desc" }, { id: "asc" }];
  const [total, items, canCreate] = await Promise.all([
    db.meeting.count({ where }),
    db.meeting.findMany({ where, orderBy, select: { ...listSelect, deletedAt: true }, ...pageArgs(query.page, MEETINGS_PAGE_SIZE) }),
    mayCreateSomewhere(actor),
  ]);
  return { items, page: pageInfo(query.page, total, MEETINGS_PAGE_SIZE), canCreate };
}

export type CalendarMeeting = { id: string; title: string; kind: string; startsAt: string; endsAt: string; cancelled: boolean; place: string | null; online: boolean };

/** Meetings overlapping the Warsaw dates `start`…`end` (inclusive), grouped by each day they cover. One query. */
export async function meetingsInRange(actor: Actor, start: string, end: string) {
  const from = warsawInstant(start);
  const to = warsawInstant(addDays(end, 1));
  const rows = await db.meeting.findMany({
    where: { ...visibleMeetingsWhere(actor), startsAt: { lt: to }, endsAt: { gt: from } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: CALENDAR_MAX,
    select: { id: true, title: true, kind: true, startsAt: true, endsAt: true, cancelledAt: true, place: true, onlineUrl: true },
  });
  const days: Record<string, CalendarMeeting[]> = {};
  for (const r of rows) {
    const entry: CalendarMeeting = { id: r.id, title: r.title, kind: r.kind, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString(), cancelled: !!r.cancelledAt, place: r.place, online: !!r.onlineUrl };
    let d = warsawDate(r.startsAt) < start ? start : warsawDate(r.startsAt);
    const last = warsawDate(new Date(r.endsAt.getTime() - 1));
    while (d <= last && d <= end) {
      (days[d] ??= []).push(entry);
      d = addDays(d, 1);
    }
  }
  return { days, truncated: rows.length === CALENDAR_MAX };
}

/** Everything the meeting page shows, in a fixed number of queries. */
export async function meetingPage(meetingId: string) {
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      ...meetingCoreSelect,
      description: true,
      minutes: true,
      minutesUpdatedAt: true,
      cancelledAt: true,
      deletedAt: true,
      version: true,
      createdBy: { select: { name: true } },
      organizerInstitution: { select: { id: true, shortName: true, name: true } },
      ...meetingLinksSelect,
      agenda: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, title: true, ownerId: true, ownerName: true, owner: { select: { name: true } }, startTime: true, durationMinutes: true, notes: true },
      },
      invitations: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, guestName: true, guestEmail: true, rsvp: true, user: { select: { name: true, institution: { select: { shortName: true } } } } },
      },
      attendance: { orderBy: [{ recordedAt: "asc" }, { id: "asc" }], select: { id: true, invitationId: true, name: true, organisation: true, present: true } },
      outcomes: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, kind: true, text: true, taskId: true } },
    },
  });
  const taskIds = meeting.outcomes.map((o) => o.taskId).filter((x): x is string => !!x);
  const tasks = taskIds.length
    ? await db.task.findMany({ where: { id: { in: taskIds } }, select: { id: true, teamId: true, number: true, title: true, status: true, deletedAt: true, team: { select: { name: true } } } })
    : [];
  return { meeting, tasks };
}

/** The attendance list as printed: invited people (ticked or not) and walk-ins, sorted by name. */
export async function attendanceSheet(meetingId: string) {
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    select: {
      id: true,
      title: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      place: true,
      onlineUrl: true,
      cancelledAt: true,
      organizerInstitution: { select: { name: true } },
      invitations: { select: { id: true, guestName: true, guestEmail: true, user: { select: { name: true, institution: { select: { shortName: true } } } } } },
      attendance: { select: { invitationId: true, name: true, organisation: true, present: true } },
    },
  });
  const byInvitation = new Map(meeting.attendance.filter((a) => a.invitationId).map((a) => [a.invitationId, a]));
  const rows = [
    ...meeting.invitations.map((inv) => {
      const a = byInvitation.get(inv.id);
      return {
        name: a?.name ?? inv.user?.name ?? inv.guestName ?? inv.guestEmail ?? "—",
        organisation: a?.organisation ?? inv.user?.institution?.shortName ?? null,
        present: a?.present ?? false,
      };
    }),
    ...meeting.attendance.filter((a) => !a.invitationId).map((a) => ({ name: a.name, organisation: a.organisation, present: a.present })),
  ].sort((a, b) => a.name.localeCompare(b.name, "pl"));
  const { invitations: _i, attendance: _a, ...head } = meeting;
  return { meeting: head, rows };
}

/** Teams where the actor may create tasks, with their members, for "Utwórz zadanie". */
export async function taskTeamsFor(actor: Actor) {
  const where: Prisma.TeamWhereInput = { ...visibleTeamsWhere(actor), status: { in: ["PLANNED", "ACTIVE"] } };
  if (!actor.isAdmin && actor.institutionRole !== "COORDINATOR") where.members = { some: { userId: actor.id, role: "LEAD" } };
  const teams = await db.team.findMany({
    where,
    orderBy: { name: "asc" },
    take: 100,
    select: { id: true, name: true, members: { where: { user: { deactivatedAt: null } }, select: { user: { select: { id: true, name: true } } } } },
  });
  return teams.map((t) => ({ id: t.id, name: t.name, members: t.members.map((m) => m.user) }));
}

/** People to pick as agenda owners (active accounts), capped. */
export async function peopleOptions() {
  return db.user.findMany({ where: { deactivatedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 });
}
