// Dates as Polish people type them in the task forms: "24.11.2026", "24.11.26", "2026-11-24".
// Pure: the date fields parse with it, the tests check it.
import { isIsoDate } from "./deadline";

/** DD.MM.YYYY (also D.M.YYYY, DD.MM.YY, with "-" or "/" between) or YYYY-MM-DD → YYYY-MM-DD, else null. */
export function parsePolishDate(value: string): string | null {
  const v = value.trim();
  if (isIsoDate(v)) return v;
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(v);
  if (!m) return null;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const iso = `${String(year).padStart(4, "0")}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  return isIsoDate(iso) ? iso : null;
}

/** The format the date fields show (dayjs tokens). */
export const DATE_FORMAT = "DD.MM.YYYY";
