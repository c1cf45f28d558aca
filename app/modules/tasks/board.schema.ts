// Input of the task views: board filters and column sizes from the URL, card moves from forms.
// URL input never fails (unknown values fall back to the default); form input fails with
// translation keys next to the field.
import { z } from "zod";
import type { FieldErrors } from "~/utils/forms";
import { fieldErrors } from "~/utils/forms";
import { LABEL_MAX, statusChangeSchema, TASK_STATUSES } from "./tasks.schema";

export type TaskStatusValue = (typeof TASK_STATUSES)[number];

/** Cards per column on the first load; "Pokaż więcej" adds as many again. */
export const BOARD_PAGE = 100;
/** The most cards one column shows (a 2,000-task board stays one page per column). */
export const BOARD_COLUMN_MAX = 1000;
/** `?osoba=brak`: cards without an assignee. */
export const NO_ASSIGNEE = "brak";

/** The URL parameter that sets how many cards a column shows (`?n_TODO=200`). */
export const columnParam = (status: TaskStatusValue) => `n_${status}`;

const columnLimit = z.coerce.number().int().min(BOARD_PAGE).max(BOARD_COLUMN_MAX).catch(BOARD_PAGE);

export type BoardQuery = {
  assignee: string | null;
  label: string | null;
  mine: boolean;
  limits: Record<TaskStatusValue, number>;
};

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || null);

const boardUrlSchema = z.object({
  osoba: text(64),
  etykieta: text(LABEL_MAX),
  moje: z.string().optional().catch(undefined),
});

export function parseBoardQuery(params: URLSearchParams): BoardQuery {
  const raw = Object.fromEntries(params);
  const base = boardUrlSchema.parse(raw);
  const limits = Object.fromEntries(TASK_STATUSES.map((s) => [s, columnLimit.parse(raw[columnParam(s)])])) as Record<TaskStatusValue, number>;
  return { assignee: base.osoba, label: base.etykieta, mine: base.moje === "1", limits };
}

export function isFiltered(q: BoardQuery): boolean {
  return !!q.assignee || !!q.label || q.mine;
}

export const MOVE_PLACES = ["top", "bottom", "after"] as const;
export type MovePlace = (typeof MOVE_PLACES)[number];

const moveTargetSchema = z
  .object({
    taskId: z.string({ required_error: "validation.invalid" }).trim().min(1, "validation.invalid").max(64, "validation.invalid"),
    place: z.enum(MOVE_PLACES, { message: "validation.invalid" }).default("top"),
    afterId: z.string().trim().max(64).optional().transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.place === "after" && !v.afterId) ctx.addIssue({ code: "custom", path: ["afterId"], message: "validation.invalid" });
  });

export type MoveInput = {
  taskId: string;
  status: TaskStatusValue;
  blockedReason: string | null;
  version: number;
  place: MovePlace;
  afterId: string | null;
};

/** The message keys of the shared status schema that this view words itself. */
function ownWording(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = { ...errors };
  if (out.blockedReason?.startsWith("tasks.validation.blockedReason")) out.blockedReason = "taskViews.move.reasonRequired";
  return out;
}

/** A move of a card (board) or a status change (Moje zadania): target column, place, version. */
export function parseMove(values: Record<string, string>): { ok: true; data: MoveInput } | { ok: false; errors: FieldErrors } {
  const target = moveTargetSchema.safeParse(values);
  const change = statusChangeSchema.safeParse(values);
  if (!target.success || !change.success) {
    return { ok: false, errors: ownWording({ ...(target.success ? {} : fieldErrors(target.error)), ...(change.success ? {} : fieldErrors(change.error)) }) };
  }
  return {
    ok: true,
    data: {
      taskId: target.data.taskId,
      status: change.data.status,
      blockedReason: change.data.blockedReason,
      version: change.data.version,
      place: target.data.place,
      afterId: target.data.place === "after" ? target.data.afterId : null,
    },
  };
}

/** Just the task id, to authorise before validating the rest (404/403 come before 400). */
export function taskIdOf(values: Record<string, string>): string {
  return (values.taskId ?? "").trim().slice(0, 64);
}
