// Meeting visibility: the one place that decides who sees which meeting. A meeting is visible to
// administrators, its creator, people invited personally, people of invited institutions, members
// of its workspace or team, and the coordinators of the organiser institution. Everybody else gets
// 404 for it and everything in it.
import type { Prisma } from "~/generated/prisma/client";
import type { Actor } from "~/modules/auth/actor";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { visibleTeamsWhere } from "~/modules/teams/access.server";
import { visibleWorkspacesWhere } from "~/modules/workspaces/access.server";
import { strongerRole } from "~/modules/workspaces/workspaces.policy";
import { db } from "~/utils/db.server";
import { canMeeting, type MeetingAccess, type MeetingAction } from "./meetings.policy";

/** Who sees the meeting, ignoring the trash (use with `deletedAt` of your choice). */
function visibilityOr(actor: Actor): Prisma.MeetingWhereInput[] {
  const or: Prisma.MeetingWhereInput[] = [{ createdById: actor.id }, { invitations: { some: { userId: actor.id } } }];
  if (actor.institutionId) {
    or.push({ institutions: { some: { institutionId: actor.institutionId } } });
    if (actor.institutionRole === "COORDINATOR") or.push({ organizerInstitutionId: actor.institutionId });
  }
  or.push({ workspace: visibleWorkspacesWhere(actor) });
  or.push({ team: visibleTeamsWhere(actor) });
  return or;
}

export function visibleMeetingsWhere(actor: Actor): Prisma.MeetingWhereInput {
  const base: Prisma.MeetingWhereInput = { deletedAt: null };
  if (actor.isAdmin) return base;
  return { ...base, OR: visibilityOr(actor) };
}

/** Meetings in the trash the actor could see before (the trash view filters further to organisers). */
export function visibleTrashedMeetingsWhere(actor: Actor): Prisma.MeetingWhereInput {
  const base: Prisma.MeetingWhereInput = { deletedAt: { not: null } };
  if (actor.isAdmin) return base;
  return { ...base, OR: visibilityOr(actor) };
}

export type MeetingContext = {
  meeting: {
    id: string;
    title: string;
    kind: string;
    startsAt: Date;
    endsAt: Date;
    organizerInstitutionId: string;
    workspaceId: string | null;
    teamId: string | null;
    createdById: string;
    cancelledAt: Date | null;
    deletedAt: Date | null;
    version: number;
  };
  access: MeetingAccess;
};

/** The meeting and the actor's standing in it, in one query; 404 when not visible. */
export async function loadMeetingAccess(actor: Actor, meetingId: string, opts: { trashed?: boolean } = {}): Promise<MeetingContext> {
  const row = await db.meeting.findFirst({
    where: { id: meetingId, ...(opts.trashed ? visibleTrashedMeetingsWhere(actor) : visibleMeetingsWhere(actor)) },
    select: {
      id: true,
      title: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      organizerInstitutionId: true,
      workspaceId: true,
      teamId: true,
      createdById: true,
      cancelledAt: true,
      deletedAt: true,
      version: true,
      invitations: { where: { userId: actor.id }, select: { id: true } },
      institutions: { where: { institutionId: actor.institutionId ?? "" }, select: { id: true } },
      workspace: {
        select: {
          members: { where: { userId: actor.id }, select: { role: true } },
          institutions: { where: { institutionId: actor.institutionId ?? "", institution: { deletedAt: null } }, select: { role: true } },
        },
      },
      team: { select: { deletedAt: true, members: { where: { userId: actor.id }, select: { role: true } } } },
    },
  });
  if (!row) notFound();
  const { invitations, institutions, workspace, team, ...meeting } = row;
  const wsRole = workspace ? strongerRole(workspace.members[0]?.role, workspace.institutions[0]?.role) : null;
  const organizer =
    actor.isAdmin ||
    meeting.createdById === actor.id ||
    (actor.institutionRole === "COORDINATOR" && actor.institutionId === meeting.organizerInstitutionId) ||
    wsRole === "OWNER" ||
    wsRole === "EDITOR" ||
    (!!team && !team.deletedAt && team.members[0]?.role === "LEAD");
  const access: MeetingAccess = {
    organizer,
    invited: invitations.length > 0 || institutions.length > 0,
    cancelled: !!meeting.cancelledAt,
  };
  return { meeting: { ...meeting, kind: meeting.kind as string }, access };
}

/** Loads the meeting (404 if invisible) and enforces `action` (403, audited). */
export async function requireMeeting(
  user: AuthUser,
  meetingId: string,
  action: MeetingAction,
  opts: { ip?: string; trashed?: boolean } = {},
): Promise<MeetingContext> {
  const ctx = await loadMeetingAccess(user, meetingId, { trashed: opts.trashed });
  await authorize(user, canMeeting(user, action, ctx.access), { action: `meeting.${action}`, entityType: "Meeting", entityId: meetingId, ip: opts.ip });
  return ctx;
}
