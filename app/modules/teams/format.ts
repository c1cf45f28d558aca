// Small display helpers for teams, pure (no React, no database): plural forms and term dates.
import type { Locale } from "~/locales";
import { warsawInstant } from "~/modules/tasks/deadline";
import { formatDate } from "~/utils/dates";

export type PluralForm = "one" | "few" | "many" | "other";

const rules: Record<Locale, Intl.PluralRules> = { pl: new Intl.PluralRules("pl-PL"), en: new Intl.PluralRules("en-GB") };

/** The CLDR plural category of `n` ("one", "few", "many", "other"): 1 dzień, 2 dni, 5 dni. */
export function pluralForm(locale: Locale, n: number): PluralForm {
  const rule = rules[locale].select(n);
  return rule === "one" || rule === "few" || rule === "many" ? rule : "other";
}

/** A Warsaw calendar date (YYYY-MM-DD) in words: "31 marca 2027". Noon avoids any zone edge. */
export function formatTermDate(date: string, locale: Locale): string {
  return formatDate(warsawInstant(date, "12:00"), locale);
}

const intlLocale: Record<Locale, string> = { pl: "pl-PL", en: "en-GB" };

/** A short day for chart axes: "24 lis" / "24 Nov". */
export function formatShortDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { day: "numeric", month: "short", timeZone: "Europe/Warsaw" }).format(warsawInstant(date, "12:00"));
}
