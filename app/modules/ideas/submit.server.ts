// The residents' public idea form: abuse protection without third-party captchas, then storing
// the idea with a public reference number and telling the people who handle the intake.
//
// In order: the honeypot field must be empty; the form's signed timestamp must be genuine, at
// least MIN_FILL_MS old and not stale; an intake must be open; the fields must be valid (contact
// data only with consent); the IP address must be under its hourly limit. A refusal stores no idea.
// Bot refusals are audited as "idea.rejected.bot" without any personal data (no IP, no text).
import crypto from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { fieldErrors, type FieldErrors } from "~/utils/forms";
import { HONEYPOT_FIELD, ideaSubmissionSchema, MAX_FORM_AGE_MS, MIN_FILL_MS, TOKEN_FIELD, type IdeaSubmission } from "./ideas-public.schema";
import { ideaUrls } from "./inbox.schema";
import { currentIntake } from "./intakes.server";
import { hitIdeaRateLimit, ideasSecret } from "./rate-limit.server";
import { formatReference, referencePrefix, referenceYear } from "./reference";

// ——— The signed timestamp ———

function sign(issuedAt: number): string {
  return crypto.createHmac("sha256", ideasSecret()).update(`idea-form:${issuedAt}`).digest("base64url");
}

/** Issued by the page's loader: "<ms since epoch>.<HMAC>" — a bot cannot backdate it. */
export function issueFormToken(now = new Date()): string {
  const issuedAt = now.getTime();
  return `${issuedAt}.${sign(issuedAt)}`;
}

export type TokenCheck = "ok" | "missing" | "forged" | "tooFast" | "stale";

export function checkFormToken(token: string | undefined, now = new Date()): TokenCheck {
  if (!token) return "missing";
  const m = /^(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return "forged";
  const issuedAt = Number(m[1]);
  const expected = Buffer.from(sign(issuedAt));
  const given = Buffer.from(m[2]);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return "forged";
  const age = now.getTime() - issuedAt;
  if (age < MIN_FILL_MS) return "tooFast";
  if (age > MAX_FORM_AGE_MS) return "stale";
  return "ok";
}

// ——— Submitting ———

export type SubmitMeta = { ip: string; /** The consent text exactly as the form showed it. */ consentText: string };

export type SubmitResult =
  | { ok: true; reference: string; ideaId: string }
  | { ok: false; reason: "invalid"; errors: FieldErrors }
  | { ok: false; reason: "bot"; check: "honeypot" | Exclude<TokenCheck, "ok"> }
  | { ok: false; reason: "rateLimited"; retryAfterMs: number }
  | { ok: false; reason: "closed" };

async function refuseBot(check: "honeypot" | Exclude<TokenCheck, "ok">): Promise<SubmitResult> {
  // No IP, no text from the form: the entry only says that (and why) something was refused.
  await recordAudit({ actor: null, actorLabel: "anonymous", action: "idea.rejected.bot", entityType: "Idea", summary: check });
  return { ok: false, reason: "bot", check };
}

export async function submitIdea(values: Record<string, string>, meta: SubmitMeta, now = new Date()): Promise<SubmitResult> {
  if ((values[HONEYPOT_FIELD] ?? "").trim() !== "") return refuseBot("honeypot");
  const token = checkFormToken(values[TOKEN_FIELD], now);
  if (token !== "ok") return refuseBot(token);

  const intake = await currentIntake(now);
  if (!intake) return { ok: false, reason: "closed" };

  const parsed = ideaSubmissionSchema.safeParse(values);
  if (!parsed.success) return { ok: false, reason: "invalid", errors: fieldErrors(parsed.error) };

  // Counted only for ideas that would be stored, so a resident fixing a typo is not blocked.
  const rate = await hitIdeaRateLimit(meta.ip, now);
  if (!rate.allowed) {
    await recordAudit({ actor: null, actorLabel: "anonymous", action: "idea.rejected.rateLimit", entityType: "Idea", summary: intake.title });
    return { ok: false, reason: "rateLimited", retryAfterMs: rate.retryAfterMs };
  }

  const idea = await storeIdea(intake.id, parsed.data, meta, now);
  return { ok: true, reference: idea.reference, ideaId: idea.id };
}

function isUniqueViolation(error: unknown): boolean {
  return !!error && typeof error === "object" && (error as { code?: string }).code === "P2002";
}

/** Stores the idea with the next free reference of the year (retrying when two race for one). */
async function storeIdea(intakeId: string, fields: IdeaSubmission, meta: SubmitMeta, now: Date) {
  const year = referenceYear(now);
  const prefix = referencePrefix(year);
  const withContact = !!(fields.name || fields.email);
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const taken = await tx.idea.count({ where: { reference: { startsWith: prefix } } });
        const reference = formatReference(year, taken + 1 + attempt);
        const data: Prisma.IdeaUncheckedCreateInput = {
          reference,
          intakeId,
          title: fields.title,
          description: fields.description,
          category: fields.category,
          location: fields.location,
          contactName: withContact ? fields.name : null,
          contactEmail: withContact ? fields.email : null,
          consentAt: withContact ? now : null,
          consentText: withContact ? meta.consentText : null,
          submittedAt: now,
        };
        const idea = await tx.idea.create({ data, select: { id: true, reference: true, title: true } });
        await recordAudit(
          // The resident has no account and their contact data stays out of the log.
          { actor: null, actorLabel: "anonymous", action: "idea.submit", entityType: "Idea", entityId: idea.id, summary: `${reference} ${fields.title}`, changes: { category: [null, fields.category], withContact: [null, withContact] } },
          tx,
        );
        await notifyHandlers(tx, intakeId, idea, now);
        return idea;
      });
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 10) continue;
      throw error;
    }
  }
}

/** At most one "new idea" notification per person per hour: a busy intake must not flood the bell. */
export const NOTIFY_EVERY_MS = 3600 * 1000;

/**
 * The people who handle the intake: members (directly or through their institution) of its
 * designated workspace; without a workspace, the coordinators of the partner institutions.
 * Three queries whatever the number of people.
 */
async function notifyHandlers(tx: Tx, intakeId: string, idea: { id: string; reference: string; title: string }, now: Date) {
  const intake = await tx.ideaIntake.findUniqueOrThrow({ where: { id: intakeId }, select: { workspaceId: true } });
  const who: Prisma.UserWhereInput = intake.workspaceId
    ? {
        OR: [
          { workspaceMembers: { some: { workspaceId: intake.workspaceId } } },
          { institution: { deletedAt: null, workspaceMemberships: { some: { workspaceId: intake.workspaceId } } } },
        ],
      }
    : { institutionRole: "COORDINATOR", institution: { deletedAt: null } };
  const people = await tx.user.findMany({ where: { deactivatedAt: null, ...who }, select: { id: true } });
  if (people.length === 0) return;
  const recent = await tx.notification.findMany({
    where: { userId: { in: people.map((p) => p.id) }, kind: "idea.new", createdAt: { gt: new Date(now.getTime() - NOTIFY_EVERY_MS) } },
    select: { userId: true },
    distinct: ["userId"],
  });
  const skip = new Set(recent.map((r) => r.userId));
  await notify(
    {
      userIds: people.map((p) => p.id).filter((id) => !skip.has(id)),
      kind: "idea.new",
      title: "ideasPublic.notify.new",
      data: { reference: idea.reference, title: idea.title },
      url: ideaUrls.idea(idea.id),
      entityType: "Idea",
      entityId: idea.id,
    },
    tx,
  );
}

// ——— What the public page shows about the rules ———

/** Where residents write about their data: IDEAS_PRIVACY_CONTACT, else the address in MAIL_FROM. */
export function privacyContact(): string {
  const env = getEnv();
  if (env.IDEAS_PRIVACY_CONTACT) return env.IDEAS_PRIVACY_CONTACT;
  const m = /<([^>]+)>/.exec(env.MAIL_FROM);
  return (m ? m[1] : env.MAIL_FROM).trim();
}

export function publicFormSettings() {
  return { contact: privacyContact(), retentionDays: getEnv().IDEAS_CONTACT_RETENTION_DAYS };
}
