// Deadlines in Europe/Warsaw. Stored as a UTC instant (`dueAt`) plus the Warsaw calendar date
// (`dueDate`, YYYY-MM-DD). A deadline without a time falls due at the end of that Warsaw day.
// Pure (Intl only): used by the server, the forms, the reminder scheduler and the tests.
import { TIME_ZONE } from "~/utils/dates";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const partsFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function warsawParts(instant: Date) {
  const p = Object.fromEntries(partsFormat.formatToParts(instant).map((x) => [x.type, x.value]));
  return { y: +p.year, m: +p.month, d: +p.day, h: +p.hour, min: +p.minute, s: +p.second };
}

export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

export function isTime(value: string): boolean {
  return TIME.test(value);
}

/** The Warsaw calendar date (YYYY-MM-DD) of an instant. */
export function warsawDate(instant: Date): string {
  const { y, m, d } = warsawParts(instant);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Warsaw wall-clock time (HH:MM) of an instant. */
export function warsawTime(instant: Date): string {
  const { h, min } = warsawParts(instant);
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** Minutes Warsaw is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const { y, m, d, h, min, s } = warsawParts(instant);
  return Math.round((Date.UTC(y, m - 1, d, h, min, s) - instant.getTime()) / 60_000);
}

/**
 * The instant at which Warsaw's clock shows `date` `time`. For the hour skipped in spring the
 * result lies as far past the gap as the time was into it; for the hour repeated in autumn, the first one.
 */
export function warsawInstant(date: string, time = "00:00"): Date {
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Try both offsets around the date; pick the earliest that maps back to the same wall time.
  const candidates = [offsetMinutes(new Date(wall - 120 * 60_000)), offsetMinutes(new Date(wall))]
    .map((off) => new Date(wall - off * 60_000))
    .filter((c) => warsawDate(c) === date && warsawTime(c) === time)
    .sort((a, b) => a.getTime() - b.getTime());
  if (candidates[0]) return candidates[0];
  // Skipped wall time (02:00–02:59 on the last Sunday of March): read it with the winter offset,
  // which lands the same distance past the gap (02:30 → 03:30).
  return new Date(wall - offsetMinutes(new Date(wall - 120 * 60_000)) * 60_000);
}

/** Adds whole calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a YYYY-MM-DD date. */
export function isoWeekday(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export type Deadline = { dueAt: Date; dueDate: string; dueHasTime: boolean };

/** The stored form of a deadline typed as a Warsaw date and an optional time. */
export function deadlineFrom(date: string, time?: string | null): Deadline {
  if (time) return { dueAt: warsawInstant(date, time), dueDate: date, dueHasTime: true };
  // End of the Warsaw day: the first instant of the next day, minus one millisecond.
  return { dueAt: new Date(warsawInstant(addDays(date, 1)).getTime() - 1), dueDate: date, dueHasTime: false };
}

export type DueBucket = "overdue" | "today" | "thisWeek" | "later" | "none";

/** Moje zadania groups: Przeterminowane / Dziś / Ten tydzień (to Sunday) / Później. */
export function dueBucket(task: { dueAt: Date | null; dueDate: string | null; done?: boolean }, now: Date): DueBucket {
  if (!task.dueAt || !task.dueDate) return "none";
  if (!task.done && task.dueAt.getTime() < now.getTime()) return "overdue";
  const today = warsawDate(now);
  if (task.dueDate <= today) return "today";
  const sunday = addDays(today, 7 - isoWeekday(today));
  if (task.dueDate <= sunday) return "thisWeek";
  return "later";
}

export function isOverdue(task: { dueAt: Date | null; status: string }, now: Date): boolean {
  return !!task.dueAt && task.status !== "DONE" && task.dueAt.getTime() < now.getTime();
}

/** Whole Warsaw calendar days from today to `date` (negative when past). */
export function daysUntil(date: string, now: Date): number {
  const [y1, m1, d1] = warsawDate(now).split("-").map(Number);
  const [y2, m2, d2] = date.split("-").map(Number);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}
