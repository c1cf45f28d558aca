import { db } from "~/utils/db.server";

// Per-account limit is strict; per-IP is looser because a whole office shares one address.
export const ACCOUNT_FREE_FAILURES = 5;
export const IP_FREE_FAILURES = 30;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 30 * 60_000;
/** Failures older than this no longer count. */
const WINDOW_MS = 24 * 60 * 60_000;

export function throttleKeys(email: string, ip: string): string[] {
  return [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];
}

/** Reset-link requests per IP: enough for an office, too few to mail-bomb anyone. */
export const RESET_IP_FREE_REQUESTS = 10;

function freeFailures(key: string) {
  if (key.startsWith("ip:")) return IP_FREE_FAILURES;
  if (key.startsWith("reset-ip:")) return RESET_IP_FREE_REQUESTS;
  return ACCOUNT_FREE_FAILURES;
}

/** Delay after the n-th failure: none for the first free ones, then 30 s doubling up to 30 min. */
export function delayAfterFailures(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - free));
}

/** Milliseconds the caller must still wait, 0 when a sign-in may be tried. */
export async function remainingBlockMs(keys: string[], now = new Date()): Promise<number> {
  const rows = await db.authThrottle.findMany({ where: { key: { in: keys } } });
  return rows.reduce((max, r) => Math.max(max, r.blockedUntil ? r.blockedUntil.getTime() - now.getTime() : 0), 0);
}

export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const key of keys) {
      const row = await tx.authThrottle.findUnique({ where: { key } });
      const stale = row && now.getTime() - row.lastFailedAt.getTime() > WINDOW_MS;
      const failures = (stale || !row ? 0 : row.failures) + 1;
      const delay = delayAfterFailures(failures, freeFailures(key));
      const data = { failures, lastFailedAt: now, blockedUntil: delay ? new Date(now.getTime() + delay) : null };
      await tx.authThrottle.upsert({ where: { key }, create: { key, ...data }, update: data });
    }
  });
}

/** A successful sign-in clears the account counter (not the IP one: others share it). */
export async function clearAccountFailures(email: string): Promise<void> {
  await db.authThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
