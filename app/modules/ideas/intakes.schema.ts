// Intake periods (nabory pomysłów): the coordinators' form. Dates are Warsaw calendar days: a
// period opens at the start of its first day and closes at the end of its last day.
import { z } from "zod";
import { isIsoDate } from "~/modules/tasks/deadline";

export const INTAKE_TITLE_MAX = 150;
export const INTAKE_INTRO_MAX = 5000;

const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;
const tooShort = (min: number) => `validation.tooShort|${JSON.stringify({ min })}`;

const date = (required: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => (v === null ? !required : isIsoDate(v)), (v) => ({ message: v === null ? "validation.required" : "ideasPublic.validation.date" }));

export const intakeSchema = z
  .object({
    title: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").min(5, tooShort(5)).max(INTAKE_TITLE_MAX, tooLong(INTAKE_TITLE_MAX)),
    intro: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim())
      .refine((v) => v.length <= INTAKE_INTRO_MAX, tooLong(INTAKE_INTRO_MAX)),
    opensOn: date(true),
    closesOn: date(false),
    workspaceId: z
      .string()
      .trim()
      .max(64, "validation.invalid")
      .optional()
      .transform((v) => v || null),
    publicList: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "1" || v === "true"),
  })
  .superRefine((v, ctx) => {
    if (v.opensOn && v.closesOn && v.closesOn < v.opensOn) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["closesOn"], message: "ideasPublic.validation.closesBeforeOpens" });
    }
  });

export type IntakeFields = z.infer<typeof intakeSchema>;
