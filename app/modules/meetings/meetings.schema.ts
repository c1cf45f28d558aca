// Meeting forms: Zod schemas whose messages are translation keys ("key|{vars}"), shown next to the field.
import { z } from "zod";
import { isIsoDate, isTime } from "~/modules/tasks/deadline";

const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;

export const MEETING_KINDS = ["SOCIAL_CONSULTATION", "ECONOMIC_CONSULTATION", "WORKSHOP", "TRAINING", "COORDINATION", "TEAM_MEETING"] as const;
export type MeetingKindCode = (typeof MEETING_KINDS)[number];
export const OUTCOME_KINDS = ["DECISION", "ACTION"] as const;

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 20_000;
export const MINUTES_MAX = 200_000;
export const PLACE_MAX = 300;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(max))
    .optional()
    .transform((v) => v || null);
const optionalId = z.string().trim().max(64).optional().transform((v) => v || null);
const date = z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").refine(isIsoDate, "meetings.validation.date");
const time = z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").refine(isTime, "meetings.validation.time");

export const meetingFieldsSchema = z
  .object({
    title: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(TITLE_MAX, tooLong(TITLE_MAX)),
    kind: z.enum(MEETING_KINDS, { message: "meetings.validation.kind" }),
    trainingProvider: optionalText(200),
    date,
    startTime: time,
    endDate: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || isIsoDate(v), "meetings.validation.date"),
    endTime: time,
    place: optionalText(PLACE_MAX),
    onlineUrl: z
      .string()
      .trim()
      .max(500, tooLong(500))
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || /^https?:\/\/\S+$/i.test(v), "meetings.validation.url"),
    organizerInstitutionId: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required"),
    workspaceId: optionalId,
    teamId: optionalId,
    description: z.string().max(DESCRIPTION_MAX, tooLong(DESCRIPTION_MAX)).optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (!v.place && !v.onlineUrl) ctx.addIssue({ code: "custom", path: ["place"], message: "meetings.validation.placeOrLink" });
    const endDate = v.endDate ?? v.date;
    if (isIsoDate(v.date) && isIsoDate(endDate) && isTime(v.startTime) && isTime(v.endTime) && `${endDate} ${v.endTime}` <= `${v.date} ${v.startTime}`)
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "meetings.validation.endAfterStart" });
    if (v.kind !== "TRAINING" && v.trainingProvider) v.trainingProvider = null;
  });
export type MeetingFields = z.infer<typeof meetingFieldsSchema>;

export const versionField = z.coerce.number({ message: "validation.invalid" }).int().min(1);

export const agendaItemSchema = z.object({
  title: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(300, tooLong(300)),
  ownerId: optionalId,
  ownerName: optionalText(200),
  startTime: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isTime(v), "meetings.validation.time"),
  durationMinutes: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v > 0 && v <= 24 * 60), "meetings.validation.duration"),
  notes: z.string().trim().max(2000, tooLong(2000)).optional().default(""),
});
export type AgendaFields = z.infer<typeof agendaItemSchema>;

export const walkInSchema = z.object({
  name: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(200, tooLong(200)),
  organisation: optionalText(200),
});

export const minutesSchema = z.object({
  minutes: z.string().max(MINUTES_MAX, tooLong(MINUTES_MAX)).default(""),
  version: versionField,
});

export const outcomeSchema = z.object({
  kind: z.enum(OUTCOME_KINDS, { message: "validation.invalid" }),
  text: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(2000, tooLong(2000)),
});

export const outcomeTaskSchema = z.object({
  outcomeId: z.string().trim().min(1, "validation.invalid"),
  teamId: z.string({ required_error: "validation.required" }).trim().min(1, "meetings.validation.team"),
  assigneeId: optionalId,
  dueDate: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isIsoDate(v), "meetings.validation.date"),
});

export const LIST_SCOPES = ["nadchodzace", "minione", "wszystkie", "kosz"] as const;
export const listQuerySchema = z.object({
  zakres: z.enum(LIST_SCOPES).catch("nadchodzace"),
  rodzaj: z.enum(MEETING_KINDS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ListQuery = z.infer<typeof listQuerySchema>;
