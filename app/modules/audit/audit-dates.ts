// Calendar days in the filters are Warsaw days: "from 2026-03-29 to 2026-03-29" means the 23 hours
// between the two local midnights, whatever the server's own time zone. Pure: no libraries.
import { TIME_ZONE } from "~/utils/dates";

export type Day = { year: number; month: number; day: number };

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` (what `<input type="date">` sends) as a real calendar day, or null. */
export function parseDay(value: string | null | undefined): Day | null {
  const match = DAY_RE.exec(value?.trim() ?? "");
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (year < 1970 || probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

export function formatDay({ year, month, day }: Day): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function nextDay({ year, month, day }: Day): Day {
  const d = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const warsawParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function wallClock(instant: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const out: Record<string, number> = {};
  for (const part of warsawParts.formatToParts(new Date(instant))) {
    if (part.type !== "literal") out[part.type] = Number(part.value);
  }
  return { year: out.year, month: out.month, day: out.day, hour: out.hour, minute: out.minute, second: out.second };
}

/** Warsaw's offset from UTC at this instant, in ms (+1 h in winter, +2 h in summer). */
function warsawOffsetMs(instant: number): number {
  const w = wallClock(instant);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The UTC instant of 00:00 Warsaw time on this day. Two passes because the offset depends on
 * the answer; midnight is never inside a DST gap in Poland (the clocks move at 02:00/03:00).
 */
export function warsawMidnight(day: Day): Date {
  const naive = Date.UTC(day.year, day.month - 1, day.day);
  let guess = naive - warsawOffsetMs(naive);
  const corrected = naive - warsawOffsetMs(guess);
  if (corrected !== guess) guess = corrected;
  return new Date(guess);
}

/**
 * Half-open UTC range [from, to) covering whole Warsaw days, both ends inclusive as days:
 * `to` is the midnight that starts the day after `toDay`. Unset ends stay open.
 */
export function warsawDayRange(fromDay: Day | null, toDay: Day | null): { from?: Date; to?: Date } {
  return {
    from: fromDay ? warsawMidnight(fromDay) : undefined,
    to: toDay ? warsawMidnight(nextDay(toDay)) : undefined,
  };
}

/** Today's date in Warsaw as `YYYY-MM-DD` (for file names and defaults). */
export function warsawToday(now: Date = new Date()): string {
  const w = wallClock(now.getTime());
  return formatDay({ year: w.year, month: w.month, day: w.day });
}

/** `2026-03-29 14:05:03` in Warsaw time: sortable and recognised as a date by spreadsheets. */
export function warsawTimestamp(value: Date | string): string {
  const w = wallClock(new Date(value).getTime());
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${formatDay(w)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}
