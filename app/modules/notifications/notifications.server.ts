// In-app notifications (the bell). Deliberately small and reusable: later issues (tasks,
// meetings) add kinds and e-mail delivery on top of the same rows.
import { db, type Tx } from "~/utils/db.server";

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
    })),
  });
  return result.count;
}

export async function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}
