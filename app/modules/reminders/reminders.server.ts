// Deadline and team-term reminders: which ones are due at `now`, sent at most once each.
//
// When (Europe/Warsaw wall-clock time, so DST changes move nothing; ADR 0013):
// - "due in N days" (N from the person's settings, default 3 and 1): 09:00 on the day N calendar
//   days before the deadline's date;
// - "due today": 08:00 on the deadline's date; a deadline with a time at or before 09:00 gets it at
//   the start of that day (00:00) instead, so it still arrives before the deadline;
// - "overdue": once, right after the deadline has passed (date-only deadlines: at 00:00 the next day);
// - team term ending: 09:00 seven days and one day before `termEnd` of an ACTIVE team, to the leads
//   and the coordinators of the members' institutions.
//
// At most once: every reminder has a key (kind, N, object, deadline/term date, person) that is
// inserted into ReminderLog in the same transaction as its notification; a second tick, a restart or
// a racing tick hits the unique key and sends nothing. A changed deadline is a new key.
//
// Catch-up: a tick sends everything whose moment has passed and that is not in the log, so downtime
// delays reminders but does not lose them. Only the most urgent passed reminder of a task and person
// is considered (after a long downtime "due in 3 days" is not sent when "due tomorrow" is already
// due); "due in N days" is dropped when its target day is over and a nearer configured reminder
// covers the remaining days (otherwise it is sent late with the real number of days left); "overdue"
// is not sent for deadlines more than OVERDUE_CATCH_UP_DAYS in the past (no flood on first start).
//
// Queries: a fixed number per tick to find what is due (tasks, teams, coordinators, people, log),
// plus one small transaction per reminder actually sent.
import type { Locale } from "~/locales";
import { notify } from "~/modules/notifications/notifications.server";
import { addDays, daysUntil, warsawDate, warsawInstant } from "~/modules/tasks/deadline";
import { taskUrl, teamUrls } from "~/modules/tasks/task-urls";
import { formatDate, formatDateTime } from "~/utils/dates";
import { db, isUniqueViolation } from "~/utils/db.server";
import { parseReminderDays } from "./reminders.schema";

export const DUE_SOON_TIME = "09:00";
export const DUE_TODAY_TIME = "08:00";
export const OVERDUE_CATCH_UP_DAYS = 7;
export const TERM_ENDING_DAYS = [7, 1] as const;
const DAY_MS = 86_400_000;
/** Larger than any "due in N days" choice plus a day of slack. */
const LOOK_AHEAD_DAYS = 9;

export type ReminderKind = "task.dueSoon" | "task.dueToday" | "task.overdue" | "team.termEnding";

export type ReminderSlot = {
  kind: ReminderKind;
  /** For "due in N days" and term ending: N. */
  days?: number;
  /** The moment it becomes due. */
  at: Date;
};

// ——— Pure rules (unit-testable, documented above) ———

/** All reminder moments of one deadline for one person, earliest first. */
export function taskReminderSlots(task: { dueAt: Date; dueDate: string; dueHasTime: boolean }, reminderDays: number[]): ReminderSlot[] {
  const soon = [...new Set(reminderDays)]
    .filter((n) => n > 0)
    .sort((a, b) => b - a)
    .map((n): ReminderSlot => ({ kind: "task.dueSoon", days: n, at: warsawInstant(addDays(task.dueDate, -n), DUE_SOON_TIME) }));
  let today = warsawInstant(task.dueDate, DUE_TODAY_TIME);
  if (task.dueHasTime && task.dueAt.getTime() <= warsawInstant(task.dueDate, DUE_SOON_TIME).getTime()) {
    today = warsawInstant(task.dueDate, "00:00");
  }
  const slots: ReminderSlot[] = [
    ...soon,
    { kind: "task.dueToday", at: today },
    { kind: "task.overdue", at: new Date(task.dueAt.getTime() + 1) },
  ];
  return slots.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * The one reminder to send now for this deadline and person (or null): the most urgent whose
 * moment has passed, unless it is stale. `daysLeft` is what a "due in N days" text should say.
 */
export function pickTaskReminder(
  slots: ReminderSlot[],
  task: { dueAt: Date; dueDate: string },
  now: Date,
): (ReminderSlot & { daysLeft?: number }) | null {
  const passed = slots.filter((s) => s.at.getTime() <= now.getTime());
  const slot = passed[passed.length - 1];
  if (!slot) return null;
  if (slot.kind === "task.dueSoon") {
    const left = daysUntil(task.dueDate, now);
    if (left < 1) return null;
    const n = slot.days ?? left;
    // Late (downtime): a nearer reminder that still fits the remaining days covers it.
    if (left < n && slots.some((s) => s.kind === "task.dueSoon" && (s.days ?? 0) >= left && (s.days ?? 0) < n)) return null;
    return { ...slot, daysLeft: Math.min(left, n) };
  }
  if (slot.kind === "task.overdue" && now.getTime() - task.dueAt.getTime() > OVERDUE_CATCH_UP_DAYS * DAY_MS) return null;
  return slot;
}

/** Term-ending reminder of a team now (or null): 7 days before, then 1 day before the last day. */
export function pickTermReminder(termEnd: string, now: Date): (ReminderSlot & { daysLeft: number }) | null {
  const left = daysUntil(termEnd, now);
  if (left < 0) return null;
  const passed = TERM_ENDING_DAYS.map((n): ReminderSlot => ({ kind: "team.termEnding", days: n, at: warsawInstant(addDays(termEnd, -n), DUE_SOON_TIME) }))
    .filter((s) => s.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const slot = passed[passed.length - 1];
  if (!slot) return null;
  if (slot.days === 7 && left <= 1) return null; // the 1-day reminder covers it
  return { ...slot, daysLeft: left };
}

export function reminderKey(slot: ReminderSlot, objectId: string, deadline: string, userId: string): string {
  const n = slot.days !== undefined ? `:${slot.days}` : "";
  return `${slot.kind}${n}:${objectId}:${deadline}:${userId}`;
}

// ——— The tick ———

type Pending = {
  key: string;
  userId: string;
  kind: ReminderKind;
  title: string;
  data: Record<string, string | number>;
  url: string;
  entityType: "Task" | "Team";
  entityId: string;
};

export type ReminderRun = { sent: number; alreadySent: number };

/** Sends every reminder due at `now` that has not been sent yet. Safe to run concurrently and repeatedly. */
export async function runReminders(now: Date): Promise<ReminderRun> {
  const today = warsawDate(now);
  const [tasks, teams] = await Promise.all([
    db.task.findMany({
      where: {
        deletedAt: null,
        status: { not: "DONE" },
        dueAt: { gte: new Date(now.getTime() - (OVERDUE_CATCH_UP_DAYS + 1) * DAY_MS), lte: new Date(now.getTime() + LOOK_AHEAD_DAYS * DAY_MS) },
        team: { deletedAt: null, status: { in: ["PLANNED", "ACTIVE"] } },
        OR: [{ assigneeId: { not: null } }, { helpers: { some: {} } }],
      },
      select: {
        id: true,
        teamId: true,
        title: true,
        dueAt: true,
        dueDate: true,
        dueHasTime: true,
        assigneeId: true,
        helpers: { select: { userId: true } },
        team: { select: { members: { select: { userId: true } } } },
      },
    }),
    db.team.findMany({
      where: { deletedAt: null, status: "ACTIVE", termEnd: { gte: today, lte: addDays(today, Math.max(...TERM_ENDING_DAYS)) } },
      select: { id: true, name: true, termEnd: true, members: { select: { userId: true, role: true, user: { select: { institutionId: true } } } } },
    }),
  ]);

  // Teams: leads plus coordinators of the members' institutions (one query for all teams).
  const institutionIds = [...new Set(teams.flatMap((t) => t.members.map((m) => m.user.institutionId)).filter((id): id is string => !!id))];
  const coordinators = institutionIds.length
    ? await db.user.findMany({
        where: { institutionRole: "COORDINATOR", deactivatedAt: null, institutionId: { in: institutionIds } },
        select: { id: true, institutionId: true },
      })
    : [];

  const taskRecipients = new Map<string, string[]>();
  for (const task of tasks) {
    const members = new Set(task.team.members.map((m) => m.userId));
    const people = [task.assigneeId, ...task.helpers.map((h) => h.userId)].filter((id): id is string => !!id && members.has(id));
    taskRecipients.set(task.id, [...new Set(people)]);
  }
  const teamRecipients = new Map<string, string[]>();
  for (const team of teams) {
    const institutions = new Set(team.members.map((m) => m.user.institutionId));
    const people = [
      ...team.members.filter((m) => m.role === "LEAD").map((m) => m.userId),
      ...coordinators.filter((c) => institutions.has(c.institutionId)).map((c) => c.id),
    ];
    teamRecipients.set(team.id, [...new Set(people)]);
  }

  const userIds = [...new Set([...taskRecipients.values(), ...teamRecipients.values()].flat())];
  if (userIds.length === 0) return { sent: 0, alreadySent: 0 };
  const users = await db.user.findMany({
    where: { id: { in: userIds }, deactivatedAt: null },
    select: { id: true, locale: true, notificationSetting: { select: { reminderDays: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));

  const pending: Pending[] = [];
  for (const task of tasks) {
    if (!task.dueAt || !task.dueDate) continue;
    const deadline = { dueAt: task.dueAt, dueDate: task.dueDate, dueHasTime: task.dueHasTime };
    for (const userId of taskRecipients.get(task.id) ?? []) {
      const user = byId.get(userId);
      if (!user) continue;
      const slot = pickTaskReminder(taskReminderSlots(deadline, parseReminderDays(user.notificationSetting?.reminderDays)), deadline, now);
      if (!slot) continue;
      const locale = user.locale as Locale;
      const date = task.dueHasTime ? formatDateTime(task.dueAt, locale) : formatDate(task.dueAt, locale);
      const title =
        slot.kind === "task.dueSoon"
          ? slot.daysLeft === 1
            ? "notifications.kind.taskDueTomorrow"
            : "notifications.kind.taskDueInDays"
          : slot.kind === "task.dueToday"
            ? "notifications.kind.taskDueToday"
            : "notifications.kind.taskOverdue";
      pending.push({
        key: reminderKey(slot, task.id, task.dueAt.toISOString(), userId),
        userId,
        kind: slot.kind,
        title,
        data: { task: task.title, date, ...(slot.daysLeft ? { days: slot.daysLeft } : {}) },
        url: taskUrl(task.teamId, task.id),
        entityType: "Task",
        entityId: task.id,
      });
    }
  }
  for (const team of teams) {
    if (!team.termEnd) continue;
    const slot = pickTermReminder(team.termEnd, now);
    if (!slot) continue;
    for (const userId of teamRecipients.get(team.id) ?? []) {
      const user = byId.get(userId);
      if (!user) continue;
      pending.push({
        key: reminderKey(slot, team.id, team.termEnd, userId),
        userId,
        kind: "team.termEnding",
        title: "notifications.kind.teamTermEnding",
        data: { team: team.name, date: formatDate(warsawInstant(team.termEnd, "12:00"), user.locale as Locale), days: slot.daysLeft },
        url: teamUrls.team(team.id),
        entityType: "Team",
        entityId: team.id,
      });
    }
  }
  if (pending.length === 0) return { sent: 0, alreadySent: 0 };

  const logged = new Set<string>();
  const keys = pending.map((p) => p.key);
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.reminderLog.findMany({ where: { key: { in: keys.slice(i, i + 500) } }, select: { key: true } });
    for (const r of rows) logged.add(r.key);
  }

  let sent = 0;
  let alreadySent = logged.size;
  for (const p of pending) {
    if (logged.has(p.key)) continue;
    try {
      await db.$transaction(async (tx) => {
        await tx.reminderLog.create({ data: { key: p.key, userId: p.userId, kind: p.kind, sentAt: now } });
        await notify({ userIds: [p.userId], kind: p.kind, title: p.title, data: p.data, url: p.url, entityType: p.entityType, entityId: p.entityId }, tx);
      });
      sent++;
    } catch (error) {
      // Another tick (or process) sent it between our read and our write: exactly what the key is for.
      if (!isUniqueViolation(error)) throw error;
      alreadySent++;
    }
  }
  return { sent, alreadySent };
}
