// Forms and queries of executive teams. Messages are translation keys ("key|{vars}"), shown next to
// the field in the reader's language. Pure (no server imports): the pages use the constants too.
import { z } from "zod";
import { idList } from "~/modules/tasks/tasks.schema";
import { isIsoDate } from "~/modules/tasks/deadline";

const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;
const tooShort = (min: number) => `validation.tooShort|${JSON.stringify({ min })}`;

export const TEAM_KINDS = ["TEMPORARY", "PERIODIC"] as const;
export const TEAM_CADENCES = ["WEEKLY", "MONTHLY", "QUARTERLY"] as const;
export const TEAM_STATUSES = ["PLANNED", "ACTIVE", "DONE", "DISSOLVED"] as const;
export const TEAM_ROLES = ["LEAD", "MEMBER"] as const;
export type TeamCadence = (typeof TEAM_CADENCES)[number];

export const NAME_MAX = 120;
export const MANDATE_MAX = 20_000;
export const OUTCOME_MAX = 5_000;

const id = (missing: string) => z.string({ required_error: missing }).trim().min(1, missing).max(64, "validation.invalid");
const optionalId = z
  .string()
  .trim()
  .max(64, "validation.invalid")
  .optional()
  .transform((v) => v || null);

const date = (required: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => (v === null ? !required : isIsoDate(v)), (v) => ({ message: v === null ? "validation.required" : "teams.validation.date" }));

/** Visible text of rich text (tags dropped): an editor's "<p></p>" is no mandate at all. */
export function richTextIsEmpty(html: string): boolean {
  return !html.replace(/<[^>]+>/g, "").replace(/&nbsp;/g, " ").trim();
}

const teamFields = z.object({
  name: z.string({ required_error: "validation.required" }).trim().min(3, tooShort(3)).max(NAME_MAX, tooLong(NAME_MAX)),
  mandate: z
    .string({ required_error: "teams.validation.mandate" })
    .max(MANDATE_MAX, tooLong(MANDATE_MAX))
    .refine((v) => !richTextIsEmpty(v), "teams.validation.mandate"),
  kind: z.enum(TEAM_KINDS, { required_error: "validation.required", message: "validation.invalid" }),
  cadence: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || (TEAM_CADENCES as readonly string[]).includes(v), "validation.invalid"),
  termStart: date(true),
  termEnd: date(false),
  workspaceId: optionalId,
});

type RawTeamFields = z.infer<typeof teamFields>;

/** Kind-dependent rules: a temporary team ends on a date, a periodic one meets at a cadence. */
function checkTerm(v: RawTeamFields, ctx: z.RefinementCtx) {
  if (v.kind === "TEMPORARY" && !v.termEnd) ctx.addIssue({ code: "custom", path: ["termEnd"], message: "teams.validation.termEndRequired" });
  if (v.kind === "PERIODIC" && !v.cadence) ctx.addIssue({ code: "custom", path: ["cadence"], message: "teams.validation.cadenceRequired" });
  if (v.termStart && v.termEnd && v.termEnd < v.termStart) ctx.addIssue({ code: "custom", path: ["termEnd"], message: "teams.validation.termOrder" });
}

/** A temporary team has no cadence; what the form sends for it anyway is dropped. */
function normalise<T extends RawTeamFields>(v: T): T & { termStart: string; cadence: TeamCadence | null } {
  return { ...v, termStart: v.termStart as string, cadence: v.kind === "PERIODIC" ? (v.cadence as TeamCadence) : null };
}

export const teamUpdateSchema = teamFields
  .extend({ version: z.coerce.number({ message: "validation.invalid" }).int().min(1, "validation.invalid") })
  .superRefine(checkTerm)
  .transform(normalise);

export type TeamUpdateInput = z.infer<typeof teamUpdateSchema>;

export const teamCreateSchema = teamFields
  .extend({
    // Missing and empty read the same, so the kind-dependent checks below still run and every
    // error shows at once (an absent field would stop Zod before superRefine).
    leadId: z
      .string()
      .trim()
      .max(64, "validation.invalid")
      .optional()
      .transform((v) => v ?? "")
      .refine((v) => v.length > 0, "teams.validation.leadRequired"),
    memberIds: idList,
  })
  .superRefine(checkTerm)
  .transform(normalise);

export type TeamCreateInput = z.infer<typeof teamCreateSchema>;

/** The fields whose changes the audit log records. */
export const TEAM_FIELDS = ["name", "mandate", "kind", "cadence", "termStart", "termEnd", "workspaceId"] as const;

export const teamRoleField = z.enum(TEAM_ROLES, { required_error: "validation.required", message: "validation.invalid" });

export const addMembersSchema = z.object({
  userIds: idList.refine((ids) => ids.length > 0, "teams.members.pickPeople"),
  role: teamRoleField.default("MEMBER"),
});
/** `id` is the TeamMember row. */
export const changeRoleSchema = z.object({ id: id("validation.invalid"), role: teamRoleField });
export const removeMemberSchema = z.object({ id: id("validation.invalid") });

export const teamStatusSchema = z
  .object({
    status: z.enum(TEAM_STATUSES, { message: "validation.invalid" }),
    outcome: z
      .string()
      .trim()
      .max(OUTCOME_MAX, tooLong(OUTCOME_MAX))
      .optional()
      .transform((v) => v || null),
    outcomeDocumentId: optionalId,
  })
  .superRefine((v, ctx) => {
    // The closing report: what the team achieved, in words.
    if (v.status === "DONE" && !v.outcome) ctx.addIssue({ code: "custom", path: ["outcome"], message: "teams.validation.outcomeRequired" });
  });

export type TeamStatusChange = z.infer<typeof teamStatusSchema>;

/** The list's filters. Anything odd falls back to the default rather than failing. */
export const TEAM_LIST_STATUSES = ["open", "PLANNED", "ACTIVE", "DONE", "DISSOLVED", "all", "trash"] as const;
export type TeamListStatus = (typeof TEAM_LIST_STATUSES)[number];

export const teamQuerySchema = z.object({
  q: z.string().trim().max(120).catch(""),
  status: z.enum(TEAM_LIST_STATUSES).catch("open"),
  kind: z.enum(TEAM_KINDS).optional().catch(undefined),
  mine: z
    .enum(["1"])
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type TeamQuery = z.infer<typeof teamQuerySchema>;
