// The month grid of the deadline calendar (Monday first) and its Polish/English names, in
// Europe/Warsaw. Pure: the server uses it for the query range, the page for the table.
import { z } from "zod";
import type { Locale } from "~/locales";
import { TIME_ZONE } from "~/utils/dates";
import { addDays, isoWeekday, warsawDate } from "./deadline";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const intlLocale: Record<Locale, string> = { pl: "pl-PL", en: "en-GB" };

export function isMonth(value: string): boolean {
  return MONTH.test(value) && +value.slice(0, 4) >= 1970 && +value.slice(0, 4) <= 9999;
}

/** The Warsaw month (YYYY-MM) of an instant. */
export function monthOf(now: Date): string {
  return warsawDate(now).slice(0, 7);
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  const t = new Date(Date.UTC(y, m - 1 + by, 1));
  return t.toISOString().slice(0, 7);
}

function daysIn(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Whole weeks (Monday–Sunday) covering the month: the dates of each row. */
export function monthGrid(month: string): { start: string; end: string; weeks: string[][] } {
  const first = `${month}-01`;
  const last = `${month}-${String(daysIn(month)).padStart(2, "0")}`;
  const start = addDays(first, 1 - isoWeekday(first));
  const end = addDays(last, 7 - isoWeekday(last));
  const weeks: string[][] = [];
  for (let day = start; day <= end; day = addDays(day, 7)) weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
  return { start, end, weeks };
}

/** A calendar date as a noon instant: safe to format in Warsaw whatever the DST. */
function noon(date: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** "Listopad 2026" (standalone month name, capitalised). */
export function monthName(month: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(intlLocale[locale], { month: "long", year: "numeric", timeZone: TIME_ZONE }).format(noon(`${month}-15`));
  return text.charAt(0).toLocaleUpperCase(intlLocale[locale]) + text.slice(1);
}

/** Monday … Sunday, long and short ("poniedziałek", "pon."). */
export function weekdayNames(locale: Locale): { long: string; short: string }[] {
  const long = new Intl.DateTimeFormat(intlLocale[locale], { weekday: "long", timeZone: TIME_ZONE });
  const short = new Intl.DateTimeFormat(intlLocale[locale], { weekday: "short", timeZone: TIME_ZONE });
  // 2026-11-02 is a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const d = noon(addDays("2026-11-02", i));
    return { long: long.format(d), short: short.format(d) };
  });
}

/** "wtorek, 24 listopada 2026" for a calendar date. */
export function dayName(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "full", timeZone: TIME_ZONE }).format(noon(date));
}

export const CALENDAR_MAX = 500;
export const SCOPES = ["moje", "wszystkie"] as const;
export type CalendarScope = (typeof SCOPES)[number];

export const calendarQuerySchema = z.object({
  m: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v && isMonth(v) ? v : null)),
  zakres: z.enum(SCOPES).catch("moje"),
});
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

