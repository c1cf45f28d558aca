// E-mail for notifications, per the recipient's choice (NotificationSetting.emailMode):
// - IMMEDIATE (the default, also without a settings row): one e-mail per notification;
// - DIGEST: one e-mail with everything waiting, once a day at `digestHour` (Europe/Warsaw);
// - OFF, and deactivated accounts: nothing (SKIPPED).
//
// State lives on the notification row (`emailState`, written PENDING by notify()):
// PENDING → SENT | SKIPPED; after a failed attempt RETRY1, RETRY2 (tried again on the next ticks),
// then FAILED after the third failure (MAX_ATTEMPTS). Rows are *claimed* (marked SENT) in the same
// statement that checks they are still waiting, before the message goes out, so two ticks or a
// restart never send a message twice; a failed send puts the claim back. The price is at-most-once:
// if the process dies in the middle of talking to the SMTP server, that one message may be lost.
// The digest is claimed through `lastDigestAt` (a conditional update), so it goes out once a day.
import type { Prisma } from "~/generated/prisma/client";
import { warsawDate, warsawInstant, addDays } from "~/modules/tasks/deadline";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { sendMail } from "~/utils/mailer.server";
import { digestEmail, immediateEmail, type MailNotification } from "./email-text";

export const MAX_ATTEMPTS = 3;
/** Notifications handled per tick for "immediately" recipients; the rest wait for the next tick. */
export const EMAIL_BATCH = 100;

const WAITING = ["PENDING", "RETRY1", "RETRY2"];

/** The state after one more failed attempt from `state`. */
export function afterFailure(state: string | null): string {
  const attempts = state === "RETRY2" ? 3 : state === "RETRY1" ? 2 : 1;
  return attempts >= MAX_ATTEMPTS ? "FAILED" : `RETRY${attempts}`;
}

/** The latest digest moment at or before `now`: today's `hour`:00 in Warsaw, or yesterday's. */
export function latestDigestMoment(now: Date, hour: number): Date {
  const time = `${String(hour).padStart(2, "0")}:00`;
  const today = warsawDate(now);
  const moment = warsawInstant(today, time);
  return moment.getTime() <= now.getTime() ? moment : warsawInstant(addDays(today, -1), time);
}

export type EmailRun = { sent: number; digests: number; skipped: number; failed: number };

type Log = (level: "info" | "warn" | "error", msg: string, fields?: Record<string, unknown>) => void;
const defaultLog: Log = (level, msg, fields = {}) => {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (level === "info") console.log(line);
  else console.error(line);
};

const rowSelect = { id: true, title: true, data: true, url: true, createdAt: true, emailState: true } satisfies Prisma.NotificationSelect;
type Row = Prisma.NotificationGetPayload<{ select: typeof rowSelect }>;

function asMail(row: Row): MailNotification {
  return { title: row.title, data: row.data, url: row.url, createdAt: row.createdAt };
}

/** Puts claimed rows back as waiting (or FAILED), each according to its attempts so far. */
async function releaseAfterFailure(rows: Row[]): Promise<number> {
  let failed = 0;
  const byNext = new Map<string, string[]>();
  for (const row of rows) {
    const next = afterFailure(row.emailState);
    if (next === "FAILED") failed++;
    byNext.set(next, [...(byNext.get(next) ?? []), row.id]);
  }
  for (const [state, ids] of byNext) await db.notification.updateMany({ where: { id: { in: ids } }, data: { emailState: state, emailedAt: null } });
  return failed;
}

/** Sends what is waiting and due at `now`. Safe to run repeatedly and concurrently. */
export async function sendPendingEmails(now: Date, log: Log = defaultLog): Promise<EmailRun> {
  const appUrl = getEnv().appUrl;
  const result: EmailRun = { sent: 0, digests: 0, skipped: 0, failed: 0 };

  // 1. Off, deactivated: nothing to send, ever (one statement).
  const skipped = await db.notification.updateMany({
    where: {
      emailState: { in: WAITING },
      user: { OR: [{ deactivatedAt: { not: null } }, { notificationSetting: { is: { emailMode: "OFF" } } }] },
    },
    data: { emailState: "SKIPPED" },
  });
  result.skipped = skipped.count;

  // 2. "Immediately": one e-mail per notification, oldest first.
  const immediate = await db.notification.findMany({
    where: {
      emailState: { in: WAITING },
      user: { deactivatedAt: null, OR: [{ notificationSetting: { is: null } }, { notificationSetting: { is: { emailMode: "IMMEDIATE" } } }] },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: EMAIL_BATCH,
    select: { ...rowSelect, user: { select: { email: true, name: true, locale: true } } },
  });
  for (const row of immediate) {
    const claimed = await db.notification.updateMany({ where: { id: row.id, emailState: row.emailState }, data: { emailState: "SENT", emailedAt: now } });
    if (claimed.count === 0) continue; // another tick has it
    try {
      const mail = immediateEmail(row.user, asMail(row), appUrl);
      await sendMail({ to: row.user.email, ...mail });
      result.sent++;
    } catch (error) {
      result.failed += await releaseAfterFailure([row]);
      log("warn", "notification e-mail failed", { notificationId: row.id, error: error instanceof Error ? error.message : String(error) });
    }
  }

  // 3. Daily digests whose hour has come and that have something from before it.
  const digestUsers = await db.notificationSetting.findMany({
    where: { emailMode: "DIGEST", user: { deactivatedAt: null, notifications: { some: { emailState: { in: WAITING } } } } },
    select: { userId: true, digestHour: true, lastDigestAt: true, user: { select: { email: true, name: true, locale: true } } },
  });
  const due = digestUsers
    .map((s) => ({ ...s, moment: latestDigestMoment(now, s.digestHour) }))
    .filter((s) => !s.lastDigestAt || s.lastDigestAt.getTime() < s.moment.getTime());
  if (due.length === 0) return result;
  const waiting = await db.notification.findMany({
    where: { userId: { in: due.map((s) => s.userId) }, emailState: { in: WAITING } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...rowSelect, userId: true },
  });
  for (const setting of due) {
    const rows = waiting.filter((r) => r.userId === setting.userId);
    // Only what arrived before the digest hour belongs to this digest day; later rows wait for tomorrow.
    if (!rows.some((r) => r.createdAt.getTime() < setting.moment.getTime())) continue;
    const claimed = await db.$transaction(async (tx) => {
      const mine = await tx.notificationSetting.updateMany({
        where: { userId: setting.userId, emailMode: "DIGEST", lastDigestAt: setting.lastDigestAt },
        data: { lastDigestAt: now },
      });
      if (mine.count === 0) return false;
      await tx.notification.updateMany({ where: { id: { in: rows.map((r) => r.id) }, emailState: { in: WAITING } }, data: { emailState: "SENT", emailedAt: now } });
      return true;
    });
    if (!claimed) continue;
    try {
      const mail = digestEmail(setting.user, rows.map(asMail), appUrl);
      await sendMail({ to: setting.user.email, ...mail });
      result.digests++;
      result.sent += rows.length;
    } catch (error) {
      result.failed += await releaseAfterFailure(rows);
      // Give the digest back so the next tick tries again.
      await db.notificationSetting.updateMany({ where: { userId: setting.userId, lastDigestAt: now }, data: { lastDigestAt: setting.lastDigestAt } });
      log("warn", "digest e-mail failed", { userId: setting.userId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
