// Public reference numbers of residents' ideas: "P-2026-0042" — sequential per (Warsaw) year.
// Pure: the thank-you page checks the format before touching the database.
import { warsawDate } from "~/modules/tasks/deadline";

/** "P-<year>-<at least four digits>". */
export const REFERENCE_PATTERN = /^P-(\d{4})-(\d{4,6})$/;

export function isReference(value: string): boolean {
  return REFERENCE_PATTERN.test(value);
}

export function referencePrefix(year: number): string {
  return `P-${year}-`;
}

export function formatReference(year: number, sequence: number): string {
  return `${referencePrefix(year)}${String(sequence).padStart(4, "0")}`;
}

/** The year whose sequence a submission at `now` joins (the Warsaw calendar year). */
export function referenceYear(now: Date): number {
  return Number(warsawDate(now).slice(0, 4));
}

/** The sequence number of a reference (0 when it is not one). */
export function referenceSequence(reference: string): number {
  const m = REFERENCE_PATTERN.exec(reference);
  return m ? Number(m[2]) : 0;
}
