// In-app notifications (the bell). Deliberately small and reusable: later issues (tasks,
// meetings) add kinds and e-mail delivery on top of the same rows.
// Every read and write is scoped to the recipient: nobody sees or marks someone else's rows.
import type { Prisma } from "~/generated/prisma/client";
import { pageArgs, pageInfo, type PageInfo } from "~/modules/admin/pagination";
import { db, type Tx } from "~/utils/db.server";
import { safeAppPath } from "./notification-text";

export type NotificationInput = {
  /** Recipients; the actor is never notified about their own action. */
  userIds: string[];
  /** What happened, e.g. "mention", "review.requested". */
  kind: string;
  actorId?: string | null;
  /** A translation key (e.g. "notifications.kind.mention") rendered with `data` in the reader's language. */
  title: string;
  data?: Record<string, string | number>;
  /** Where the notification leads (an app path). */
  url: string;
  entityType?: string;
  entityId?: string;
};

/** Creates one notification per recipient (deduplicated, without the actor) in the given transaction. */
export async function notify(input: NotificationInput, client: Tx | typeof db = db): Promise<number> {
  const recipients = [...new Set(input.userIds)].filter((id) => id && id !== input.actorId);
  if (recipients.length === 0) return 0;
  const result = await client.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      kind: input.kind,
      actorId: input.actorId ?? null,
      title: input.title,
      data: input.data ? JSON.stringify(input.data) : null,
      url: input.url,
      entityType: input.entityType ?? null,
      entityId: input.entityId ?? null,
      // Waiting for e-mail delivery (reminders/email-delivery.server.ts decides: now, digest or off).
      emailState: "PENDING",
    })),
  });
  return result.count;
}

export async function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

// ——— Reading ———

const itemSelect = {
  id: true,
  kind: true,
  title: true,
  data: true,
  url: true,
  readAt: true,
  createdAt: true,
} as const satisfies Prisma.NotificationSelect;

/** One notification as the UI gets it: `data` parsed, `read` instead of a timestamp. */
export type NotificationItem = {
  id: string;
  kind: string;
  title: string;
  data: Record<string, string | number>;
  url: string;
  read: boolean;
  createdAt: Date;
};

function parseData(json: string | null): Record<string, string | number> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    const out: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === "string" || typeof v === "number") out[k] = v;
    return out;
  } catch {
    return {};
  }
}

function toItem(row: Prisma.NotificationGetPayload<{ select: typeof itemSelect }>): NotificationItem {
  return { id: row.id, kind: row.kind, title: row.title, data: parseData(row.data), url: safeAppPath(row.url), read: !!row.readAt, createdAt: row.createdAt };
}

const newestFirst = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.NotificationOrderByWithRelationInput[];

export const BELL_SIZE = 10;

/** What the bell needs: the unread count and the latest few. Two queries, whatever the numbers. */
export async function notificationsSummary(userId: string, take = BELL_SIZE): Promise<{ unread: number; latest: NotificationItem[] }> {
  const [unread, rows] = await Promise.all([
    unreadCount(userId),
    db.notification.findMany({ where: { userId }, orderBy: newestFirst, take, select: itemSelect }),
  ]);
  return { unread, latest: rows.map(toItem) };
}

export type NotificationsSummary = Awaited<ReturnType<typeof notificationsSummary>>;

export const NOTIFICATIONS_PAGE_SIZE = 25;

/** The full list, one page of it; `unreadOnly` filters. Three queries (page, its total, unread count). */
export async function listNotifications(
  userId: string,
  query: { unreadOnly: boolean; page: number },
  pageSize = NOTIFICATIONS_PAGE_SIZE,
): Promise<{ items: NotificationItem[]; page: PageInfo; unread: number }> {
  const where: Prisma.NotificationWhereInput = { userId, ...(query.unreadOnly ? { readAt: null } : {}) };
  const [total, rows, unread] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({ where, orderBy: newestFirst, ...pageArgs(query.page, pageSize), select: itemSelect }),
    query.unreadOnly ? Promise.resolve(null) : unreadCount(userId),
  ]);
  return { items: rows.map(toItem), page: pageInfo(query.page, total, pageSize), unread: unread ?? total };
}

// ——— Marking read ———

/**
 * Marks the recipient's notification read and returns where it leads; null when there is no
 * such notification *of this user* (the caller answers 404, the same as for a wrong id).
 */
export async function markNotificationRead(userId: string, id: string): Promise<string | null> {
  const row = await db.notification.findFirst({ where: { id, userId }, select: { url: true, readAt: true } });
  if (!row) return null;
  if (!row.readAt) await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
  return safeAppPath(row.url);
}

/** Marks every unread notification of the user read; returns how many changed. */
export async function markAllNotificationsRead(userId: string): Promise<number> {
  const result = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return result.count;
}
