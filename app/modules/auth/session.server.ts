// The only module that knows about Lucia (see docs/decisions/0002-sessions-with-lucia.md):
// routes use getCurrentUser/requireUser and the cookie helpers below.
import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from "lucia";
import { redirect } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { hashToken } from "./tokens.server";
import type { InstitutionRole, Locale } from "~/generated/prisma/enums";

type UserAttributes = {
  email: string;
  name: string;
  isAdmin: boolean;
  institutionId: string | null;
  institutionRole: InstitutionRole;
  locale: Locale;
  institution: { id: string; name: string; shortName: string } | null;
};
type SessionAttributes = { createdAt: Date; lastSeenAt: Date; ip: string | null; userAgent: string | null };

const userSelect = {
  id: true,
  email: true,
  name: true,
  isAdmin: true,
  institutionId: true,
  institutionRole: true,
  locale: true,
  deactivatedAt: true,
  institution: { select: { id: true, name: true, shortName: true } },
} as const;

/** Stores SHA-256(session id): a leaked database does not hand out live cookies. */
class PrismaSessionAdapter implements Adapter {
  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await db.session.findUnique({
      where: { id: hashToken(sessionId) },
      include: { user: { select: userSelect } },
    });
    if (!row) return [null, null];
    const session: DatabaseSession = {
      id: sessionId,
      userId: row.userId,
      expiresAt: row.expiresAt,
      attributes: { createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, ip: row.ip, userAgent: row.userAgent },
    };
    // A deactivated account has no valid session: Lucia then deletes this one.
    if (row.user.deactivatedAt) return [session, null];
    const { id, deactivatedAt: _d, ...attributes } = row.user;
    return [session, { id, attributes }];
  }
  // Lucia's interface wants this; the ids are the stored hashes (nothing in Razem calls it).
  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await db.session.findMany({ where: { userId } });
    return rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      expiresAt: r.expiresAt,
      attributes: { createdAt: r.createdAt, lastSeenAt: r.lastSeenAt, ip: r.ip, userAgent: r.userAgent },
    }));
  }
  async setSession(session: DatabaseSession): Promise<void> {
    const a = session.attributes as Partial<SessionAttributes>;
    await db.session.create({
      data: {
        id: hashToken(session.id),
        userId: session.userId,
        expiresAt: session.expiresAt,
        ip: a.ip ?? null,
        userAgent: a.userAgent ?? null,
      },
    });
  }
  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await db.session.updateMany({ where: { id: hashToken(sessionId) }, data: { expiresAt } });
  }
  async deleteSession(sessionId: string): Promise<void> {
    await db.session.deleteMany({ where: { id: hashToken(sessionId) } });
  }
  async deleteUserSessions(userId: string): Promise<void> {
    await db.session.deleteMany({ where: { userId } });
  }
  async deleteExpiredSessions(): Promise<void> {
    await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  }
}

export const SESSION_COOKIE = "razem_session";

export const lucia = new Lucia(new PrismaSessionAdapter(), {
  // Sliding: Lucia extends a session used in the second half of this span.
  sessionExpiresIn: new TimeSpan(14, "d"),
  sessionCookie: {
    name: SESSION_COOKIE,
    attributes: { secure: getEnv().cookieSecure, sameSite: "lax" },
  },
  getUserAttributes: (attributes) => attributes,
  getSessionAttributes: (attributes) => attributes,
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: UserAttributes;
    DatabaseSessionAttributes: SessionAttributes;
  }
}

export type AuthUser = UserAttributes & { id: string };
export type AuthSession = { id: string; expiresAt: Date; fresh: boolean } & SessionAttributes;

export async function createSession(userId: string, meta: { ip?: string; userAgent?: string | null }) {
  const session = await lucia.createSession(userId, {
    createdAt: new Date(),
    lastSeenAt: new Date(),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return lucia.createSessionCookie(session.id).serialize();
}

export function blankSessionCookie(): string {
  return lucia.createBlankSessionCookie().serialize();
}

export function sessionIdFromRequest(request: Request): string | null {
  return lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
}

const LAST_SEEN_RESOLUTION_MS = 5 * 60 * 1000;

/**
 * The signed-in user and session, or null. `setCookie` is set when Lucia extended the
 * session (sliding expiry) or removed a dead one; the caller must send it.
 */
export async function getCurrentSession(request: Request): Promise<{
  user: AuthUser | null;
  session: AuthSession | null;
  setCookie?: string;
}> {
  const sessionId = sessionIdFromRequest(request);
  if (!sessionId) return { user: null, session: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) return { user: null, session: null, setCookie: blankSessionCookie() };
  if (Date.now() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    // Coarse on purpose: a write per request would be wasteful.
    await db.session.updateMany({ where: { id: hashToken(session.id) }, data: { lastSeenAt: new Date() } });
  }
  return {
    user: user as AuthUser,
    session: session as AuthSession,
    setCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : undefined,
  };
}

export async function getCurrentUser(request: Request): Promise<AuthUser | null> {
  return (await getCurrentSession(request)).user;
}

/** Throws a redirect to the sign-in page (keeping where the user wanted to go). */
export async function requireUser(request: Request): Promise<AuthUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/logowanie?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  return user;
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await lucia.invalidateSession(sessionId);
}

export function storedSessionId(sessionId: string): string {
  return hashToken(sessionId);
}
