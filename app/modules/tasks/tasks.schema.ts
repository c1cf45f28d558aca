import { z } from "zod";
import { isIsoDate, isTime } from "./deadline";

// Messages are translation keys ("key|{vars}"), translated next to the field (tasks.ts locale).
const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;

export const TASK_STATUSES = ["TODO", "IN_PROGRESS", "BLOCKED", "IN_REVIEW", "DONE"] as const;
export const TASK_PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 20_000;
export const LABELS_MAX = 10;
export const LABEL_MAX = 40;
export const CHECKLIST_ITEM_MAX = 300;
export const BLOCKED_REASON_MAX = 1000;

const optionalId = z.string().trim().max(64).optional().transform((v) => v || null);

/** Comma- or newline-separated labels; trimmed, deduplicated (case-insensitively), at most 10. */
const labelsField = z
  .string()
  .max(1000)
  .optional()
  .transform((v, ctx) => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const raw of (v ?? "").split(/[,\n]/)) {
      const label = raw.trim().replace(/\s+/g, " ");
      if (!label) continue;
      if (label.length > LABEL_MAX) {
        ctx.addIssue({ code: "custom", message: `tasks.validation.labelTooLong|${JSON.stringify({ max: LABEL_MAX })}` });
        return z.NEVER;
      }
      const key = label.toLocaleLowerCase("pl");
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(label);
    }
    if (out.length > LABELS_MAX) {
      ctx.addIssue({ code: "custom", message: `tasks.validation.tooManyLabels|${JSON.stringify({ max: LABELS_MAX })}` });
      return z.NEVER;
    }
    return out;
  });

/** Several ids from repeated form fields or one comma-separated value. */
export const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((Array.isArray(v) ? v : (v ?? "").split(",")).map((s) => s.trim()).filter(Boolean))].slice(0, 50));

export const taskFieldsSchema = z
  .object({
    title: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(TITLE_MAX, tooLong(TITLE_MAX)),
    description: z.string().max(DESCRIPTION_MAX, tooLong(DESCRIPTION_MAX)).optional().default(""),
    assigneeId: optionalId,
    helperIds: idList,
    dueDate: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || isIsoDate(v), "tasks.validation.date"),
    dueTime: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || isTime(v), "tasks.validation.time"),
    priority: z.enum(TASK_PRIORITIES, { message: "validation.invalid" }).default("NORMAL"),
    labels: labelsField,
  })
  .superRefine((v, ctx) => {
    if (v.dueTime && !v.dueDate) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "tasks.validation.timeWithoutDate" });
  });

export type TaskFields = z.infer<typeof taskFieldsSchema>;

export const versionField = z.coerce.number({ message: "validation.invalid" }).int().min(1);

export const statusChangeSchema = z
  .object({
    status: z.enum(TASK_STATUSES, { message: "validation.invalid" }),
    blockedReason: z.string().trim().max(BLOCKED_REASON_MAX, tooLong(BLOCKED_REASON_MAX)).optional().transform((v) => v || null),
    version: versionField,
    /** Board order: place after this task id in the target column (empty = top). */
    afterId: z.string().trim().max(64).optional().transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.status === "BLOCKED" && !v.blockedReason) ctx.addIssue({ code: "custom", path: ["blockedReason"], message: "tasks.validation.blockedReason" });
  });

export const checklistItemSchema = z.object({
  text: z.string().trim().min(1, "validation.required").max(CHECKLIST_ITEM_MAX, tooLong(CHECKLIST_ITEM_MAX)),
});
