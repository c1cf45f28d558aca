// Invitations: the only way into Razem. Single use, 7 days, only the token's hash is stored.
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { sendMail } from "~/utils/mailer.server";
import { createTranslator } from "~/utils/i18n";
import { recordAudit } from "~/modules/audit/audit.server";
import { hashPassword } from "~/modules/auth/password.server";
import { generateToken, hashToken } from "~/modules/auth/tokens.server";
import { createSession, type AuthUser } from "~/modules/auth/session.server";
import type { RequestMeta } from "~/modules/auth/auth.server";
import type { InstitutionRole } from "~/generated/prisma/enums";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type InviteInput = { email: string; name?: string | null; institutionId: string; role: InstitutionRole };

export type InviteResult =
  | { ok: true; invitationId: string; link: string }
  | { ok: false; reason: "emailTaken" | "institutionMissing" };

/** Creates the invitation and emails the link. Callers check `canInstitution(…, "invitePeople")` first. */
export async function invitePerson(inviter: AuthUser, input: InviteInput, meta: RequestMeta): Promise<InviteResult> {
  const institution = await db.institution.findFirst({ where: { id: input.institutionId, deletedAt: null } });
  if (!institution) return { ok: false, reason: "institutionMissing" };
  if (await db.user.findUnique({ where: { email: input.email } })) return { ok: false, reason: "emailTaken" };
  const token = generateToken();
  const invitation = await db.$transaction(async (tx) => {
    // A new invitation replaces any pending one for the same address.
    await tx.invitation.updateMany({
      where: { email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const created = await tx.invitation.create({
      data: {
        tokenHash: hashToken(token),
        email: input.email,
        name: input.name || null,
        institutionId: institution.id,
        role: input.role,
        invitedById: inviter.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
    });
    await recordAudit(
      {
        actor: inviter,
        action: "invitation.create",
        entityType: "Invitation",
        entityId: created.id,
        summary: `${input.email} → ${institution.shortName} (${input.role})`,
        ip: meta.ip,
      },
      tx,
    );
    return created;
  });
  const link = `${getEnv().appUrl}/zaproszenie/${token}`;
  const t = createTranslator("pl");
  const vars = { inviter: inviter.name, institution: institution.name, role: t(`role.${input.role}`), link };
  await sendMail({ to: input.email, subject: t("mail.invite.subject", vars), text: t("mail.invite.body", vars) });
  return { ok: true, invitationId: invitation.id, link };
}

export async function findValidInvitation(token: string) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { institution: true, invitedBy: { select: { name: true } } },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt < new Date()) return null;
  if (invitation.institution.deletedAt) return null;
  return invitation;
}

export type AcceptResult = { ok: true; cookie: string } | { ok: false; reason: "invalid" | "emailTaken" };

export async function acceptInvitation(
  token: string,
  input: { name: string; password: string },
  meta: RequestMeta,
): Promise<AcceptResult> {
  const invitation = await findValidInvitation(token);
  if (!invitation) return { ok: false, reason: "invalid" };
  const passwordHash = await hashPassword(input.password);
  const result = await db.$transaction(async (tx) => {
    // Claim first: a double submit finds it already accepted and creates nothing.
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: new Date() },
    });
    if (claimed.count === 0) return { ok: false as const, reason: "invalid" as const };
    if (await tx.user.findUnique({ where: { email: invitation.email } })) {
      throw new EmailTakenError();
    }
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name: input.name,
        passwordHash,
        institutionId: invitation.institutionId,
        institutionRole: invitation.role,
      },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: user.id } });
    await recordAudit(
      { actor: user, action: "invitation.accept", entityType: "User", entityId: user.id, summary: invitation.email, ip: meta.ip },
      tx,
    );
    return { ok: true as const, userId: user.id };
  }).catch((error) => {
    if (error instanceof EmailTakenError) return { ok: false as const, reason: "emailTaken" as const };
    throw error;
  });
  if (!result.ok) return result;
  return { ok: true, cookie: await createSession(result.userId, meta) };
}

class EmailTakenError extends Error {}

export async function revokeInvitation(actor: AuthUser, invitationId: string, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    await tx.invitation.update({ where: { id: invitationId }, data: { revokedAt: new Date() } });
    await recordAudit({ actor, action: "invitation.revoke", entityType: "Invitation", entityId: invitationId, ip: meta.ip }, tx);
  });
}
