// Sizes and speeds in the reader's number format ("2,4 MB/s" in Polish).
import type { Locale } from "~/locales";

const intlLocale: Record<Locale, string> = { pl: "pl-PL", en: "en-GB" };
const UNITS = ["B", "KB", "MB", "GB", "TB"] as const;

/** 1024-based, one decimal below 100 of a unit: "532 B", "1,5 MB", "200 MB". */
export function formatBytes(bytes: number, locale: Locale): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const text = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: digits }).format(value);
  return `${text} ${UNITS[unit]}`;
}

export function formatSpeed(bytesPerSecond: number, locale: Locale): string {
  return `${formatBytes(bytesPerSecond, locale)}/s`;
}
