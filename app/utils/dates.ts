import type { Locale } from "~/locales";

export const TIME_ZONE = "Europe/Warsaw";
const intlLocale: Record<Locale, string> = { pl: "pl-PL", en: "en-GB" };

function toDate(value: Date | string | number): Date {
  return value instanceof Date ? value : new Date(value);
}

/** 24 listopada 2026 */
export function formatDate(value: Date | string | number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "long", timeZone: TIME_ZONE }).format(toDate(value));
}

/** 24.11.2026, 14:05 */
export function formatDateTime(value: Date | string | number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: TIME_ZONE,
  }).format(toDate(value));
}

/** wtorek, 24 listopada 2026 */
export function formatLongDay(value: Date | string | number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "full", timeZone: TIME_ZONE }).format(toDate(value));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}
