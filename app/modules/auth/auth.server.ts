// Named account commands: each checks what it needs, writes in one transaction with its audit entry.
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { sendMail } from "~/utils/mailer.server";
import { createTranslator } from "~/utils/i18n";
import { recordAudit } from "~/modules/audit/audit.server";
import { hashPassword, verifyPassword } from "./password.server";
import { generateToken, hashToken } from "./tokens.server";
import { clearAccountFailures, recordFailure, remainingBlockMs, throttleKeys } from "./throttle.server";
import { createSession, invalidateSession, storedSessionId, type AuthUser } from "./session.server";

export type RequestMeta = { ip: string; userAgent: string | null };

export const RESET_TTL_MS = 60 * 60 * 1000;

export async function hasAnyUser(): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/** First administrator; refuses once any user exists (the setup page then 404s). */
export async function setupFirstAdmin(input: { name: string; email: string; password: string }, meta: RequestMeta) {
  const passwordHash = await hashPassword(input.password);
  const user = await db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) return null;
    const created = await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash, isAdmin: true },
    });
    await recordAudit(
      { actor: created, action: "user.setup", entityType: "User", entityId: created.id, summary: "first administrator", ip: meta.ip },
      tx,
    );
    return created;
  });
  if (!user) return null;
  return { user, cookie: await createSession(user.id, meta) };
}

export type SignInResult =
  | { ok: true; cookie: string; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMs: number };

export async function signIn(email: string, password: string, meta: RequestMeta): Promise<SignInResult> {
  const keys = throttleKeys(email, meta.ip);
  const blocked = await remainingBlockMs(keys);
  if (blocked > 0) {
    await recordAudit({ actor: null, actorLabel: email, action: "auth.signin.throttled", entityType: "Session", summary: email, ip: meta.ip });
    return { ok: false, reason: "throttled", retryAfterMs: blocked };
  }
  const user = await db.user.findUnique({ where: { email } });
  // Always verify (against a dummy hash if needed): timing must not reveal unknown emails.
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || user.deactivatedAt) {
    await recordFailure(keys);
    await recordAudit({
      actor: null,
      actorLabel: email,
      action: "auth.signin.failed",
      entityType: "Session",
      entityId: user?.id ?? null,
      summary: email,
      ip: meta.ip,
    });
    return { ok: false, reason: "invalid" };
  }
  await clearAccountFailures(email);
  const cookie = await createSession(user.id, meta);
  await recordAudit({ actor: user, action: "auth.signin", entityType: "Session", entityId: user.id, ip: meta.ip });
  return { ok: true, cookie, userId: user.id };
}

export async function signOut(user: AuthUser, sessionId: string | null, meta: RequestMeta) {
  if (sessionId) await invalidateSession(sessionId);
  await recordAudit({ actor: user, action: "auth.signout", entityType: "Session", entityId: user.id, ip: meta.ip });
}

export async function changePassword(
  user: AuthUser,
  currentSessionId: string,
  input: { currentPassword: string; password: string },
  meta: RequestMeta,
): Promise<{ ok: true } | { ok: false; field: "currentPassword" }> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) return { ok: false, field: "currentPassword" };
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    // Everyone else holding an old session is out; this browser stays signed in.
    await tx.session.deleteMany({ where: { userId: user.id, id: { not: storedSessionId(currentSessionId) } } });
    await recordAudit({ actor: user, action: "user.password.change", entityType: "User", entityId: user.id, ip: meta.ip }, tx);
  });
  return { ok: true };
}

/** Sends a reset link if the account exists; the caller shows the same message either way. */
export async function requestPasswordReset(email: string, meta: RequestMeta): Promise<void> {
  const user = await db.user.findUnique({ where: { email } });
  await recordAudit({ actor: null, actorLabel: email, action: "auth.reset.request", entityType: "User", entityId: user?.id ?? null, summary: email, ip: meta.ip });
  if (!user || user.deactivatedAt) return;
  const token = generateToken();
  await db.passwordReset.create({
    data: { tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_TTL_MS) },
  });
  const t = createTranslator(user.locale);
  const link = `${getEnv().appUrl}/haslo/nowe/${token}`;
  await sendMail({ to: user.email, subject: t("mail.reset.subject"), text: t("mail.reset.body", { link }) });
}

export async function findValidReset(token: string) {
  const reset = await db.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!reset || reset.usedAt || reset.expiresAt < new Date() || reset.user.deactivatedAt) return null;
  return reset;
}

export async function resetPassword(token: string, password: string, meta: RequestMeta) {
  const reset = await findValidReset(token);
  if (!reset) return null;
  const passwordHash = await hashPassword(password);
  const done = await db.$transaction(async (tx) => {
    // Single use even under a double submit: only the first update finds usedAt empty.
    const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count === 0) return false;
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId: reset.userId } });
    await tx.authThrottle.deleteMany({ where: { key: `email:${reset.user.email}` } });
    await recordAudit({ actor: reset.user, action: "user.password.reset", entityType: "User", entityId: reset.userId, ip: meta.ip }, tx);
    return true;
  });
  if (!done) return null;
  return { cookie: await createSession(reset.userId, meta) };
}
