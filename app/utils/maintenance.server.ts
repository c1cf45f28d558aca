// Housekeeping the server runs on a timer (server.ts): each job is idempotent, so running it
// late, twice, or after downtime is harmless.
import { db } from "./db.server";
import { purgeExpiredTrash } from "~/modules/library/library.server";
import { purgeExpiredContacts } from "~/modules/ideas/erasure.server";
import { purgeStaleRateLimits } from "~/modules/ideas/rate-limit.server";

export async function runMaintenance(now = new Date()) {
  const trash = await purgeExpiredTrash(now);
  const sessions = await db.session.deleteMany({ where: { expiresAt: { lte: now } } });
  // Throttle rows with no block left and no failure in a day no longer matter.
  const dayAgo = new Date(now.getTime() - 24 * 3600 * 1000);
  const throttles = await db.authThrottle.deleteMany({
    where: { lastFailedAt: { lt: dayAgo }, OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }] },
  });
  // Residents' contact data goes IDEAS_CONTACT_RETENTION_DAYS after their idea was closed (RODO).
  const ideaContacts = await purgeExpiredContacts(now);
  const rateLimits = await purgeStaleRateLimits(now);
  return { trash, expiredSessions: sessions.count, staleThrottles: throttles.count, ideaContacts, rateLimits };
}
