// Residents' contact data (RODO): erased on request by a coordinator, and removed automatically
// IDEAS_CONTACT_RETENTION_DAYS after the idea was closed (accepted or rejected). The idea itself
// stays; only the name, e-mail, consent and consent text go. Audit entries never hold the data.
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { ideasInboxWhere, requireIdea, type IdeaContext } from "./access.server";
import { canIdea } from "./ideas.policy";

type Meta = { ip?: string };

const ERASED = { contactName: null, contactEmail: null, consentAt: null, consentText: null } as const;

/** Ideas that still hold any contact data. */
const HAS_CONTACT: Prisma.IdeaWhereInput = {
  OR: [{ contactName: { not: null } }, { contactEmail: { not: null } }, { consentAt: { not: null } }, { consentText: { not: null } }],
};

export type EraseResult = { erased: boolean; reference: string };

/**
 * Erases the contact data of an idea the caller already loaded (`requireIdea` → 404 when invisible);
 * enforces `eraseContact` again (403, audited). Idempotent: nothing to erase → `erased: false`.
 */
export async function eraseContact(user: AuthUser, ctx: IdeaContext, meta: Meta = {}, now = new Date()): Promise<EraseResult> {
  await authorize(user, canIdea(user, "eraseContact", ctx.access), { action: "idea.eraseContact", entityType: "Idea", entityId: ctx.idea.id, ip: meta.ip });
  return db.$transaction(async (tx) => {
    const done = await tx.idea.updateMany({ where: { id: ctx.idea.id, ...HAS_CONTACT }, data: { ...ERASED, contactErasedAt: now } });
    if (done.count === 0) return { erased: false, reference: ctx.idea.reference };
    await recordAudit(
      { actor: user, action: "idea.contact.erase", entityType: "Idea", entityId: ctx.idea.id, summary: ctx.idea.reference, changes: { contact: ["present", "erased"] }, ip: meta.ip },
      tx,
    );
    return { erased: true, reference: ctx.idea.reference };
  });
}

/** Erasure on request, by the idea's id. */
export async function eraseContactById(user: AuthUser, ideaId: string, meta: Meta = {}, now = new Date()): Promise<EraseResult> {
  const ctx = await requireIdea(user, ideaId, "eraseContact", meta.ip);
  return eraseContact(user, ctx, meta, now);
}

/** Erasure on request, by the reference number the resident quotes (404 when unknown or invisible). */
export async function eraseContactByReference(user: AuthUser, reference: string, meta: Meta = {}, now = new Date()): Promise<EraseResult> {
  const idea = await db.idea.findFirst({ where: { reference: reference.trim().toUpperCase(), ...ideasInboxWhere(user) }, select: { id: true } });
  if (!idea) notFound();
  return eraseContactById(user, idea.id, meta, now);
}

/** The date before which closed ideas lose their contact data. */
export function contactRetentionCutoff(now: Date, days = getEnv().IDEAS_CONTACT_RETENTION_DAYS): Date {
  return new Date(now.getTime() - days * 24 * 3600 * 1000);
}

/**
 * Maintenance: removes contact data of ideas closed more than the retention period before `now`.
 * One UPDATE whatever the number of ideas; one audit row (a count, no data) when anything went.
 */
export async function purgeExpiredContacts(now = new Date(), days = getEnv().IDEAS_CONTACT_RETENTION_DAYS): Promise<number> {
  const cutoff = contactRetentionCutoff(now, days);
  return db.$transaction(async (tx) => {
    const result = await tx.idea.updateMany({
      where: { closedAt: { not: null, lte: cutoff }, ...HAS_CONTACT },
      data: { ...ERASED, contactErasedAt: now },
    });
    if (result.count > 0) {
      await recordAudit(
        { actor: null, actorLabel: "system", action: "idea.contact.purge", entityType: "Idea", summary: String(result.count), changes: { retentionDays: days, closedBefore: cutoff.toISOString() } },
        tx,
      );
    }
    return result.count;
  });
}
