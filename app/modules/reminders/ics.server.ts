// The personal calendar feed (RFC 5545): the deadlines of my open tasks (as assignee or helper) in
// teams I can still see, for Outlook, Google Calendar and any other client that subscribes to an
// iCalendar URL. The URL carries a secret token; only its SHA-256 is stored, so a wrong or revoked
// token is indistinguishable from a page that does not exist (404).
//
// - Date-only deadlines are all-day events (DTSTART;VALUE=DATE, DTEND the next day).
// - Deadlines with a time start at that Warsaw time (TZID=Europe/Warsaw, with its VTIMEZONE) and
//   last 30 minutes; TRANSP:TRANSPARENT, so they never block free/busy time.
// - UID is stable per task (updates replace the event, SEQUENCE follows the task's version).
// - CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT escaped.
import type { Locale } from "~/locales";
import { hashToken } from "~/modules/auth/tokens.server";
import { addDays, warsawDate, warsawTime } from "~/modules/tasks/deadline";
import { taskUrl } from "~/modules/tasks/task-urls";
import { visibleTasksWhere } from "~/modules/teams/access.server";
import { visibleMeetingsWhere } from "~/modules/meetings/access.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { createTranslator } from "~/utils/i18n";

/** Past deadlines kept in the feed (older ones drop out), and an upper bound on events. */
export const FEED_PAST_DAYS = 90;
export const FEED_MAX_EVENTS = 1000;
const TIMED_EVENT_MINUTES = 30;

// ——— RFC 5545 text helpers (pure) ———

/** TEXT value escaping (RFC 5545 §3.3.11); control characters other than newlines are dropped. */
export function escapeText(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line into physical lines of at most 75 octets (§3.1), continuation lines start with a space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const bytes = Buffer.byteLength(char, "utf8");
    const limit = out.length === 0 ? 75 : 74; // the leading space counts
    if (size + bytes > limit) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join("\r\n ");
}

/** 20260330T070000Z */
export function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** 2026-03-30 → 20260330 */
function icsDate(date: string): string {
  return date.replace(/-/g, "");
}

/** The Warsaw wall-clock time of an instant as a local DATE-TIME (20260330T100000). */
function warsawLocal(instant: Date): string {
  return `${icsDate(warsawDate(instant))}T${warsawTime(instant).replace(":", "")}00`;
}

/** Europe/Warsaw as the calendar clients expect it (CET/CEST, EU rules since 1996). */
export const WARSAW_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Warsaw",
  "X-LIC-LOCATION:Europe/Warsaw",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

export type FeedEvent = {
  uid: string;
  summary: string;
  description: string;
  url: string;
  /** All-day: the Warsaw date; timed: the instant. */
  start: { date: string } | { instant: Date };
  lastModified: Date;
  sequence: number;
  /** Meetings: the real end (timed events default to 30 minutes), place, busy time, cancellation. */
  end?: Date;
  location?: string;
  busy?: boolean;
  cancelled?: boolean;
};

/** Stable per meeting: the same UID in invitation e-mails and in the personal feed. */
export function meetingUid(meetingId: string, host: string): string {
  return `meeting-${meetingId}@${host}`;
}

export function buildCalendar(input: { name: string; events: FeedEvent[]; now: Date }): string {
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Razem//Terminy zadan//PL",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(input.name)}`,
    "X-WR-TIMEZONE:Europe/Warsaw",
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
  ];
  if (input.events.some((e) => "instant" in e.start)) lines.push(...WARSAW_VTIMEZONE);
  const stamp = utcStamp(input.now);
  for (const event of input.events) {
    lines.push("BEGIN:VEVENT", `UID:${event.uid}`, `DTSTAMP:${stamp}`, `LAST-MODIFIED:${utcStamp(event.lastModified)}`, `SEQUENCE:${event.sequence}`);
    if ("date" in event.start) {
      lines.push(`DTSTART;VALUE=DATE:${icsDate(event.start.date)}`, `DTEND;VALUE=DATE:${icsDate(addDays(event.start.date, 1))}`);
    } else {
      const end = event.end ?? new Date(event.start.instant.getTime() + TIMED_EVENT_MINUTES * 60_000);
      lines.push(`DTSTART;TZID=Europe/Warsaw:${warsawLocal(event.start.instant)}`, `DTEND;TZID=Europe/Warsaw:${warsawLocal(end)}`);
    }
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    lines.push(
      `DESCRIPTION:${escapeText(event.description)}`,
      `URL:${event.url}`,
      event.busy ? "TRANSP:OPAQUE" : "TRANSP:TRANSPARENT",
      event.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

// ——— The feed ———

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/** The feed for a secret token, or null (unknown or revoked token, deactivated account). */
export async function calendarFeedForToken(token: string, now: Date): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const setting = await db.notificationSetting.findUnique({
    where: { calendarTokenHash: hashToken(token) },
    select: { user: { select: { id: true, isAdmin: true, institutionId: true, institutionRole: true, locale: true, deactivatedAt: true } } },
  });
  const user = setting?.user;
  if (!user || user.deactivatedAt) return null;

  const tasks = await db.task.findMany({
    where: {
      AND: [
        visibleTasksWhere(user),
        { team: { status: { in: ["PLANNED", "ACTIVE"] } } },
        { OR: [{ assigneeId: user.id }, { helpers: { some: { userId: user.id } } }] },
      ],
      status: { not: "DONE" },
      dueAt: { not: null, gte: new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000) },
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: FEED_MAX_EVENTS,
    select: { id: true, teamId: true, number: true, title: true, dueAt: true, dueDate: true, dueHasTime: true, version: true, updatedAt: true, team: { select: { name: true } } },
  });

  const env = getEnv();
  const host = new URL(env.appUrl).hostname;
  const t = createTranslator(user.locale as Locale);
  const events: FeedEvent[] = tasks
    .filter((task) => task.dueAt && task.dueDate)
    .map((task) => {
      const url = `${env.appUrl}${taskUrl(task.teamId, task.id)}`;
      return {
        uid: `task-${task.id}@${host}`,
        summary: t("reminders.ics.summary", { title: task.title, number: task.number }),
        description: t("reminders.ics.description", { team: task.team.name, number: task.number, url }),
        url,
        start: task.dueHasTime ? { instant: task.dueAt! } : { date: task.dueDate! },
        lastModified: task.updatedAt,
        sequence: task.version,
      };
    });
  events.push(...(await meetingFeedEvents(user, now, host, env.appUrl, t)));
  return buildCalendar({ name: t("reminders.ics.name"), events, now });
}

/**
 * Meetings I am invited to (personally or through my institution) and may see, from the last
 * FEED_PAST_DAYS on; cancelled ones stay as STATUS:CANCELLED so calendar clients remove them.
 */
async function meetingFeedEvents(
  user: { id: string; isAdmin: boolean; institutionId: string | null; institutionRole: "COORDINATOR" | "MEMBER" },
  now: Date,
  host: string,
  appUrl: string,
  t: ReturnType<typeof createTranslator>,
): Promise<FeedEvent[]> {
  const invited = [
    { invitations: { some: { userId: user.id } } },
    ...(user.institutionId ? [{ institutions: { some: { institutionId: user.institutionId } } }] : []),
  ];
  const meetings = await db.meeting.findMany({
    where: { AND: [visibleMeetingsWhere(user), { OR: invited }], endsAt: { gte: new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000) } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: FEED_MAX_EVENTS,
    select: {
      id: true,
      title: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      place: true,
      onlineUrl: true,
      cancelledAt: true,
      version: true,
      updatedAt: true,
      organizerInstitution: { select: { name: true } },
    },
  });
  return meetings.map((m) => {
    const url = `${appUrl}/spotkania/${m.id}`;
    const kind = t(`meetingInvitations.kind.${m.kind}`);
    return {
      uid: meetingUid(m.id, host),
      summary: m.title,
      description: `${t("meetingInvitations.ics.description", { kind, organiser: m.organizerInstitution.name })}\n${url}`,
      url,
      start: { instant: m.startsAt },
      end: m.endsAt,
      location: [m.place, m.onlineUrl].filter(Boolean).join(" — ") || undefined,
      busy: true,
      cancelled: !!m.cancelledAt,
      lastModified: m.updatedAt,
      sequence: m.version,
    };
  });
}
