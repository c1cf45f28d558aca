import { db } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import type { AuthUser } from "./session.server";
import { storedSessionId } from "./session.server";
import type { RequestMeta } from "./auth.server";

/** The user's live sessions, newest activity first; `current` marks this browser's. */
export async function listMySessions(user: AuthUser, currentSessionId: string) {
  const currentStored = storedSessionId(currentSessionId);
  const rows = await db.session.findMany({
    where: { userId: user.id, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    take: 100,
  });
  // The stored id is a hash of the cookie; expose only a short handle to the page.
  return rows.map((r) => ({
    handle: r.id.slice(0, 16),
    current: r.id === currentStored,
    createdAt: r.createdAt,
    lastSeenAt: r.lastSeenAt,
    ip: r.ip,
    userAgent: r.userAgent,
  }));
}

/** Ends one of the user's own sessions by its handle; a handle of someone else's matches nothing. */
export async function endMySession(user: AuthUser, handle: string, meta: RequestMeta): Promise<boolean> {
  if (!/^[0-9a-f]{16}$/.test(handle)) return false;
  const deleted = await db.session.deleteMany({ where: { userId: user.id, id: { startsWith: handle } } });
  if (deleted.count > 0) {
    await recordAudit({ actor: user, action: "session.end", entityType: "Session", entityId: user.id, ip: meta.ip });
  }
  return deleted.count > 0;
}

export async function endMyOtherSessions(user: AuthUser, currentSessionId: string, meta: RequestMeta) {
  const deleted = await db.session.deleteMany({ where: { userId: user.id, id: { not: storedSessionId(currentSessionId) } } });
  await recordAudit({ actor: user, action: "session.endOthers", entityType: "Session", entityId: user.id, summary: `${deleted.count}`, ip: meta.ip });
  return deleted.count;
}

/** "Chrome on Linux" from a User-Agent, good enough to recognise one's own devices. */
export function describeUserAgent(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : null;
  const os = /Windows/.test(ua) ? "Windows" : /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : null;
  if (!browser && !os) return ua.slice(0, 60);
  return [browser, os].filter(Boolean).join(" · ");
}
