// Recurring tasks of periodic teams (TaskRecurrence): the form's schema, and the few pure rules
// the page, the team frame and the server share (who manages them, the page's address, how a
// rhythm reads). Messages are translation keys, translated next to the fields
// (locales/<lang>/recurrences.ts). The generator itself lives in reminders/recurrences.server.ts.
import { z } from "zod";
import type { MessageKey } from "~/locales";
import type { Actor } from "~/modules/auth/actor";
import { canTeam, type TeamAccess } from "~/modules/teams/team.policy";
import { parsePolishDate } from "./task-dates";
import { DESCRIPTION_MAX, TASK_PRIORITIES, TITLE_MAX } from "./tasks.schema";

export const RECURRENCE_CADENCES = ["WEEKLY", "MONTHLY", "QUARTERLY"] as const;
export type RecurrenceCadence = (typeof RECURRENCE_CADENCES)[number];
/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const MONTH_DAY_MAX = 31;
/** How many upcoming due dates the list shows per recurrence. */
export const NEXT_DATES_SHOWN = 3;

const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;

export function isCadence(value: unknown): value is RecurrenceCadence {
  return typeof value === "string" && (RECURRENCE_CADENCES as readonly string[]).includes(value);
}

/** The page of a team's recurring tasks. */
export function recurrencesUrl(teamId: string): string {
  return `/zespoly/${encodeURIComponent(teamId)}/cykliczne`;
}

/**
 * Who manages a team's recurring tasks: the people who create its tasks (leads, coordinators of
 * members, administrators), and only in PERIODIC teams. A closed team keeps its page, read-only,
 * for the same people (`view` without `edit`).
 */
export function recurrenceRights(actor: Actor, kind: "TEMPORARY" | "PERIODIC", access: TeamAccess): { view: boolean; edit: boolean } {
  if (kind !== "PERIODIC") return { view: false, edit: false };
  const edit = canTeam(actor, "createTask", access);
  // "Would create tasks if the team were open": the same people, read-only once it is closed.
  const view = edit || canTeam(actor, "createTask", { ...access, status: "ACTIVE" });
  return { view, edit };
}

/** The recurrence's form: what a generated task gets and when it falls due. */
export const recurrenceFieldsSchema = z
  .object({
    title: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(TITLE_MAX, tooLong(TITLE_MAX)),
    description: z.string().max(DESCRIPTION_MAX, tooLong(DESCRIPTION_MAX)).optional().default(""),
    assigneeId: z.string().trim().max(64).optional().transform((v) => v || null),
    priority: z.enum(TASK_PRIORITIES, { message: "validation.invalid" }).default("NORMAL"),
    cadence: z.enum(RECURRENCE_CADENCES, { message: "recurrences.validation.cadence" }),
    /** Checked against the cadence below: the message depends on it. */
    day: z.string().trim().optional().default(""),
    startDate: z
      .string()
      .trim()
      .optional()
      .default("")
      .transform((v, ctx) => {
        if (!v) {
          ctx.addIssue({ code: "custom", message: "validation.required" });
          return z.NEVER;
        }
        const iso = parsePolishDate(v);
        if (!iso) {
          ctx.addIssue({ code: "custom", message: "recurrences.validation.date" });
          return z.NEVER;
        }
        return iso;
      }),
  })
  .transform((v, ctx) => {
    const weekly = v.cadence === "WEEKLY";
    const max = weekly ? 7 : MONTH_DAY_MAX;
    if (!v.day) {
      ctx.addIssue({ code: "custom", path: ["day"], message: weekly ? "recurrences.validation.weekdayRequired" : "recurrences.validation.dayRequired" });
      return z.NEVER;
    }
    const day = /^\d{1,2}$/.test(v.day) ? Number(v.day) : NaN;
    if (!(day >= 1 && day <= max)) {
      ctx.addIssue({ code: "custom", path: ["day"], message: weekly ? "recurrences.validation.weekday" : "recurrences.validation.monthDay" });
      return z.NEVER;
    }
    return { ...v, day };
  });

export type RecurrenceFields = z.infer<typeof recurrenceFieldsSchema>;

const idField = z.string({ required_error: "validation.invalid" }).trim().min(1, "validation.invalid").max(64, "validation.invalid");

/** Pause, resume, delete: one recurrence by id. */
export const recurrenceIdSchema = z.object({ id: idField });

export const RECURRENCE_INTENTS = ["create", "update", "pause", "resume", "delete"] as const;
export type RecurrenceIntent = (typeof RECURRENCE_INTENTS)[number];

export function isRecurrenceIntent(value: unknown): value is RecurrenceIntent {
  return typeof value === "string" && (RECURRENCE_INTENTS as readonly string[]).includes(value);
}

/**
 * The rhythm in words, as message keys: „co miesiąc, 5. dnia”, „co tydzień, w poniedziałek”,
 * „co kwartał, 15. dnia”; days 29–31 add that shorter months use their last day.
 */
export function rhythmKeys(cadence: string, day: number): { key: MessageKey; vars: { day: number }; clamped: boolean } {
  if (cadence === "WEEKLY") return { key: `recurrences.rhythm.WEEKLY.${Math.min(7, Math.max(1, day))}` as MessageKey, vars: { day }, clamped: false };
  return { key: cadence === "QUARTERLY" ? "recurrences.rhythm.QUARTERLY" : "recurrences.rhythm.MONTHLY", vars: { day }, clamped: day >= 29 };
}
