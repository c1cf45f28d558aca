// A team's progress and term in numbers, computed from plain data (no database, no React): the
// overview's counters, the term line ("zostało 12 dni") and the small burn-down chart.
import { addDays, daysUntil, warsawDate } from "~/modules/tasks/deadline";

export type TermState =
  | { state: "notStarted"; days: number }
  | { state: "running"; days: number }
  | { state: "endsToday" }
  | { state: "ended"; days: number }
  | { state: "open" };

/** Where today lies in the term: before it, N days left, the last day, N days past the end, or no end. */
export function termState(term: { termStart: string; termEnd: string | null }, now: Date): TermState {
  const start = daysUntil(term.termStart, now);
  if (start > 0) return { state: "notStarted", days: start };
  if (!term.termEnd) return { state: "open" };
  const left = daysUntil(term.termEnd, now);
  if (left > 0) return { state: "running", days: left };
  if (left === 0) return { state: "endsToday" };
  return { state: "ended", days: -left };
}

export type ProgressTask = { status: string; createdAt: Date; completedAt: Date | null };
export type BurndownPoint = { date: string; open: number; done: number };

/** Most points the chart gets: beyond this the series steps by a week instead of a day. */
const DAILY_LIMIT = 45;
const MAX_POINTS = 60;

/**
 * Open and done tasks at the end of each day (or week) from `from` to `to` (Warsaw dates, inclusive).
 * A task counts from the day it was created; it is done from its completion day while it is still DONE
 * (a reopened task loses its completion time, so it counts as open again — as it is).
 */
export function burndown(tasks: ProgressTask[], from: string, to: string): BurndownPoint[] {
  if (to < from) return [];
  const span = daysBetween(from, to);
  const step = span <= DAILY_LIMIT ? 1 : Math.max(7, Math.ceil(span / MAX_POINTS));
  const days: string[] = [];
  for (let d = to; d >= from; d = addDays(d, -step)) days.unshift(d);
  if (days[0] !== from) days.unshift(from);
  const created = tasks.map((t) => warsawDate(t.createdAt)).sort();
  const completed = tasks
    .filter((t) => t.status === "DONE" && t.completedAt)
    .map((t) => warsawDate(t.completedAt as Date))
    .sort();
  return days.map((date) => {
    const total = countUpTo(created, date);
    const done = countUpTo(completed, date);
    return { date, open: Math.max(0, total - done), done };
  });
}

function countUpTo(sorted: string[], date: string): number {
  let n = 0;
  while (n < sorted.length && sorted[n] <= date) n++;
  return n;
}

function daysBetween(a: string, b: string): number {
  const [y1, m1, d1] = a.split("-").map(Number);
  const [y2, m2, d2] = b.split("-").map(Number);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The chart's window: from the term's start (or the first task, if earlier) to today or the closing day. */
export function chartRange(
  team: { termStart: string; closedAt: Date | null },
  tasks: ProgressTask[],
  now: Date,
): { from: string; to: string } {
  const firstTask = tasks.reduce<string | null>((min, t) => {
    const d = warsawDate(t.createdAt);
    return min === null || d < min ? d : min;
  }, null);
  const from = firstTask && firstTask < team.termStart ? firstTask : team.termStart;
  const to = warsawDate(team.closedAt && team.closedAt < now ? team.closedAt : now);
  return { from, to };
}
