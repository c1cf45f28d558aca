// Fixed-window rate limiting for public forms, on the RateLimit table (portable: only Prisma's
// find/create/updateMany, no SQLite-specific SQL). Keys never hold an IP address in the clear:
// "idea:" + SHA-256(secret + IP), so the table is no log of who visited.
import crypto from "node:crypto";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

const HOUR_MS = 3600 * 1000;

let processSecret: string | undefined;

/**
 * The server secret of the ideas forms: IDEAS_SECRET, or a random one per process (then a restart
 * only resets the windows and asks people with an open form to send it once more).
 */
export function ideasSecret(): string {
  const configured = getEnv().IDEAS_SECRET;
  if (configured) return configured;
  processSecret ??= crypto.randomBytes(32).toString("base64url");
  return processSecret;
}

/** The rate-limit key of an IP address for the public idea form. */
export function ideaRateKey(ip: string): string {
  return `idea:${crypto.createHash("sha256").update(`${ideasSecret()}:${ip}`).digest("hex")}`;
}

export type RateDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

/**
 * Counts one hit against `key` in a fixed window of `windowMs` starting at its first hit; refuses
 * (and counts nothing) once `limit` hits are in the current window. Concurrent hits cannot both
 * take the last slot: the increment is conditional on the count read.
 */
export async function hitRateLimit(key: string, limit: number, windowMs = HOUR_MS, now = new Date()): Promise<RateDecision> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await db.rateLimit.findUnique({ where: { key } });
    if (!row) {
      try {
        await db.rateLimit.create({ data: { key, count: 1, windowStart: now } });
        return { allowed: true, remaining: limit - 1 };
      } catch {
        continue; // someone created it meanwhile: read again
      }
    }
    const windowEnd = row.windowStart.getTime() + windowMs;
    if (windowEnd <= now.getTime()) {
      // A new window starts with this hit.
      const reset = await db.rateLimit.updateMany({ where: { key, windowStart: row.windowStart, count: row.count }, data: { count: 1, windowStart: now } });
      if (reset.count === 1) return { allowed: true, remaining: limit - 1 };
      continue;
    }
    if (row.count >= limit) return { allowed: false, retryAfterMs: windowEnd - now.getTime() };
    const taken = await db.rateLimit.updateMany({ where: { key, windowStart: row.windowStart, count: row.count }, data: { count: row.count + 1 } });
    if (taken.count === 1) return { allowed: true, remaining: limit - row.count - 1 };
  }
  // Heavy contention on one key: treat it as over the limit rather than let it through.
  return { allowed: false, retryAfterMs: 60_000 };
}

/** The public idea form's limit: IDEAS_RATE_LIMIT_PER_HOUR ideas per IP per hour. */
export async function hitIdeaRateLimit(ip: string, now = new Date()): Promise<RateDecision> {
  return hitRateLimit(ideaRateKey(ip), getEnv().IDEAS_RATE_LIMIT_PER_HOUR, HOUR_MS, now);
}

/** Maintenance: windows that ended more than a day ago no longer matter. */
export async function purgeStaleRateLimits(now = new Date()): Promise<number> {
  const result = await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * HOUR_MS) } } });
  return result.count;
}
