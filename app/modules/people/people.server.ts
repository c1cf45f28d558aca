// People of the partner institutions: scoped reads and named commands. Admins see everyone,
// coordinators their own institution; anything outside that scope does not exist (404).
import type { Prisma } from "~/generated/prisma/client";
import type { InstitutionRole } from "~/generated/prisma/enums";
import { db } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import type { Actor } from "~/modules/auth/actor";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { RequestMeta } from "~/modules/auth/auth.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { canInstitution, canPerson, type PersonResource } from "~/modules/institutions/institutions.policy";
import { pageArgs, pageInfo } from "~/modules/admin/pagination";
import { invitePerson, revokeInvitation, type InviteInput, type InviteResult } from "./invitations.server";
import type { PeopleQuery } from "./people.schema";

const asInstitution = (institutionId: string | null) => (institutionId ? { id: institutionId } : null);

/** Whose people this actor may see: everyone (admin), one institution (coordinator) or nobody (null). */
export function peopleScope(actor: Actor): { institutionId?: string } | null {
  if (actor.isAdmin) return {};
  if (actor.institutionId && canInstitution(actor, "viewPeople", { id: actor.institutionId })) return { institutionId: actor.institutionId };
  return null;
}

export function canSeePerson(actor: Actor, person: { institutionId: string | null }): boolean {
  return canInstitution(actor, "viewPeople", asInstitution(person.institutionId));
}

const personSelect = {
  id: true,
  name: true,
  email: true,
  isAdmin: true,
  institutionId: true,
  institutionRole: true,
  deactivatedAt: true,
  createdAt: true,
  institution: { select: { id: true, name: true, shortName: true, deletedAt: true } },
} as const;

/** One page of people in the actor's scope, filtered: two queries whatever the page size. */
export async function listPeople(actor: Actor, query: PeopleQuery) {
  const scope = peopleScope(actor);
  if (!scope) throw new Response("Forbidden", { status: 403 });
  const and: Prisma.UserWhereInput[] = [scope];
  if (query.status === "active") and.push({ deactivatedAt: null });
  if (query.status === "deactivated") and.push({ deactivatedAt: { not: null } });
  // Only admins choose the institution; a coordinator's scope already fixes it.
  if (actor.isAdmin && query.institution === "none") and.push({ institutionId: null });
  else if (actor.isAdmin && query.institution && query.institution !== "all") and.push({ institutionId: query.institution });
  if (query.q) and.push({ OR: [{ name: { contains: query.q } }, { email: { contains: query.q.toLowerCase() } }] });
  const where: Prisma.UserWhereInput = { AND: and };
  const [total, items] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], select: personSelect, ...pageArgs(query.page) }),
  ]);
  return { items, page: pageInfo(query.page, total) };
}

/** The person if the actor may see them; otherwise 404, so nobody learns who exists elsewhere. */
export async function requireVisiblePerson(actor: Actor, id: string) {
  const person = await db.user.findUnique({
    where: { id },
    select: { ...personSelect, _count: { select: { sessions: true } } },
  });
  if (!person || !canSeePerson(actor, person)) notFound();
  return person;
}

function asPersonResource(person: { id: string; institutionId: string | null; isAdmin: boolean }): PersonResource {
  return { id: person.id, institutionId: person.institutionId, isAdmin: person.isAdmin };
}

export async function changePersonRole(actor: AuthUser, personId: string, role: InstitutionRole, meta: RequestMeta) {
  const person = await requireVisiblePerson(actor, personId);
  await authorize(actor, canPerson(actor, "changeRole", asPersonResource(person)), { action: "user.role.change", entityType: "User", entityId: personId, ip: meta.ip });
  if (person.institutionRole === role) return { changed: false };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: personId }, data: { institutionRole: role } });
    await recordAudit(
      {
        actor,
        action: "user.role.change",
        entityType: "User",
        entityId: personId,
        summary: person.email,
        changes: { institutionRole: [person.institutionRole, role] },
        ip: meta.ip,
      },
      tx,
    );
  });
  return { changed: true };
}

/**
 * Deactivation: the account can no longer sign in and every session ends at once, in the same
 * transaction as the audit entry. Nothing they created is removed or reassigned.
 */
export async function deactivatePerson(actor: AuthUser, personId: string, meta: RequestMeta) {
  const person = await requireVisiblePerson(actor, personId);
  await authorize(actor, canPerson(actor, "deactivate", asPersonResource(person)), { action: "user.deactivate", entityType: "User", entityId: personId, ip: meta.ip });
  return db.$transaction(async (tx) => {
    const deactivatedAt = new Date();
    const { count } = await tx.user.updateMany({ where: { id: personId, deactivatedAt: null }, data: { deactivatedAt } });
    // Sessions end even if the account was already deactivated (belt and braces).
    const sessions = await tx.session.deleteMany({ where: { userId: personId } });
    if (count === 0) return { changed: false, sessionsEnded: sessions.count };
    await recordAudit(
      {
        actor,
        action: "user.deactivate",
        entityType: "User",
        entityId: personId,
        summary: person.email,
        changes: { deactivatedAt: [null, deactivatedAt], sessionsEnded: sessions.count },
        ip: meta.ip,
      },
      tx,
    );
    return { changed: true, sessionsEnded: sessions.count };
  });
}

export async function reactivatePerson(actor: AuthUser, personId: string, meta: RequestMeta) {
  const person = await requireVisiblePerson(actor, personId);
  await authorize(actor, canPerson(actor, "reactivate", asPersonResource(person)), { action: "user.reactivate", entityType: "User", entityId: personId, ip: meta.ip });
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: personId, deactivatedAt: { not: null } }, data: { deactivatedAt: null } });
    if (count === 0) return { changed: false };
    await recordAudit(
      {
        actor,
        action: "user.reactivate",
        entityType: "User",
        entityId: personId,
        summary: person.email,
        changes: { deactivatedAt: [person.deactivatedAt, null] },
        ip: meta.ip,
      },
      tx,
    );
    return { changed: true };
  });
}

// ——— Invitations ———

/** Invites into an institution the actor may invite to (403 otherwise), then emails the link. */
export async function sendInvitation(actor: AuthUser, input: InviteInput, meta: RequestMeta): Promise<InviteResult> {
  await authorize(actor, canInstitution(actor, "invitePeople", { id: input.institutionId }), {
    action: "invitation.create",
    entityType: "Institution",
    entityId: input.institutionId,
    ip: meta.ip,
  });
  return invitePerson(actor, input, meta);
}

const pendingWhere = { acceptedAt: null, revokedAt: null } as const;

/** Pending (not accepted, not revoked) invitations in the actor's scope, newest first. */
export async function listPendingInvitations(actor: Actor, query: { page: number }) {
  const scope = peopleScope(actor);
  if (!scope) throw new Response("Forbidden", { status: 403 });
  const where: Prisma.InvitationWhereInput = { ...pendingWhere, ...scope };
  const [total, items] = await Promise.all([
    db.invitation.count({ where }),
    db.invitation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        institutionId: true,
        createdAt: true,
        expiresAt: true,
        institution: { select: { shortName: true, name: true } },
        invitedBy: { select: { name: true } },
      },
      ...pageArgs(query.page),
    }),
  ]);
  return { items, page: pageInfo(query.page, total) };
}

async function requireVisibleInvitation(actor: Actor, id: string) {
  const invitation = await db.invitation.findFirst({ where: { id, ...pendingWhere } });
  if (!invitation || !canInstitution(actor, "viewPeople", { id: invitation.institutionId })) notFound();
  return invitation;
}

export async function revokePendingInvitation(actor: AuthUser, invitationId: string, meta: RequestMeta) {
  const invitation = await requireVisibleInvitation(actor, invitationId);
  await authorize(actor, canInstitution(actor, "invitePeople", { id: invitation.institutionId }), {
    action: "invitation.revoke",
    entityType: "Invitation",
    entityId: invitationId,
    ip: meta.ip,
  });
  await revokeInvitation(actor, invitationId, meta);
  return { email: invitation.email };
}

/** Sends a fresh link; `invitePerson` revokes the old invitation in the same step. */
export async function resendInvitation(actor: AuthUser, invitationId: string, meta: RequestMeta): Promise<InviteResult & { email: string }> {
  const invitation = await requireVisibleInvitation(actor, invitationId);
  const allowed =
    canInstitution(actor, "invitePeople", { id: invitation.institutionId }) &&
    canPerson(actor, "resendInvitation", { id: invitation.id, institutionId: invitation.institutionId, isAdmin: false });
  await authorize(actor, allowed, { action: "invitation.resend", entityType: "Invitation", entityId: invitationId, ip: meta.ip });
  const result = await invitePerson(
    actor,
    { email: invitation.email, name: invitation.name, institutionId: invitation.institutionId, role: invitation.role },
    meta,
  );
  return { ...result, email: invitation.email };
}
