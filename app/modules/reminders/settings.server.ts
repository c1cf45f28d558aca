// A person's notification settings (e-mail mode, digest hour, reminder days) and their secret
// calendar-feed address. Only the SHA-256 of the feed token is stored; the address is shown once,
// right after it is generated, and generating a new one revokes the old one.
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { generateToken, hashToken } from "~/modules/auth/tokens.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { DEFAULT_DIGEST_HOUR, DEFAULT_REMINDER_DAYS, formatReminderDays, parseReminderDays, type EmailModeValue, type Preferences } from "./reminders.schema";

type Meta = { ip?: string };

export type PreferencesView = {
  emailMode: EmailModeValue;
  digestHour: number;
  reminderDays: number[];
  calendarActive: boolean;
};

export async function getPreferences(userId: string): Promise<PreferencesView> {
  const row = await db.notificationSetting.findUnique({ where: { userId }, select: { emailMode: true, digestHour: true, reminderDays: true, calendarTokenHash: true } });
  return {
    emailMode: row?.emailMode ?? "IMMEDIATE",
    digestHour: row?.digestHour ?? DEFAULT_DIGEST_HOUR,
    reminderDays: row ? parseReminderDays(row.reminderDays) : [...DEFAULT_REMINDER_DAYS],
    calendarActive: !!row?.calendarTokenHash,
  };
}

/** Saves the form; one audit entry with what changed (none when nothing did). */
export async function savePreferences(user: AuthUser, input: Preferences, meta: Meta): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.notificationSetting.findUnique({ where: { userId: user.id }, select: { emailMode: true, digestHour: true, reminderDays: true } });
    const previous = {
      emailMode: before?.emailMode ?? "IMMEDIATE",
      digestHour: before?.digestHour ?? DEFAULT_DIGEST_HOUR,
      reminderDays: before?.reminderDays ?? formatReminderDays(DEFAULT_REMINDER_DAYS),
    };
    const next = { emailMode: input.emailMode, digestHour: input.digestHour, reminderDays: input.reminderDays };
    const changes = diffFields(previous, next, ["emailMode", "digestHour", "reminderDays"]);
    if (before && Object.keys(changes).length === 0) return;
    await tx.notificationSetting.upsert({ where: { userId: user.id }, create: { userId: user.id, ...next }, update: next });
    if (Object.keys(changes).length === 0) return;
    await recordAudit({ actor: user, action: "user.notifications.update", entityType: "User", entityId: user.id, summary: user.email, changes, ip: meta.ip }, tx);
  });
}

export function calendarFeedUrl(token: string): string {
  return `${getEnv().appUrl}/kalendarz/${token}.ics`;
}

/** A new secret address; the previous one stops working at once. Returns the token (shown once). */
export async function regenerateCalendarToken(user: AuthUser, meta: Meta): Promise<string> {
  const token = generateToken();
  const calendarTokenHash = hashToken(token);
  await db.$transaction(async (tx) => {
    const before = await tx.notificationSetting.findUnique({ where: { userId: user.id }, select: { calendarTokenHash: true } });
    await tx.notificationSetting.upsert({ where: { userId: user.id }, create: { userId: user.id, calendarTokenHash }, update: { calendarTokenHash } });
    await recordAudit(
      {
        actor: user,
        action: "user.calendar.regenerate",
        entityType: "User",
        entityId: user.id,
        summary: user.email,
        changes: { replacedPrevious: !!before?.calendarTokenHash },
        ip: meta.ip,
      },
      tx,
    );
  });
  return token;
}

/** Turns the feed off (the address answers 404 from now on). */
export async function revokeCalendarToken(user: AuthUser, meta: Meta): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const revoked = await tx.notificationSetting.updateMany({ where: { userId: user.id, calendarTokenHash: { not: null } }, data: { calendarTokenHash: null } });
    if (revoked.count === 0) return false;
    await recordAudit({ actor: user, action: "user.calendar.revoke", entityType: "User", entityId: user.id, summary: user.email, ip: meta.ip }, tx);
    return true;
  });
}
