import { z } from "zod";
import { emailField } from "~/modules/auth/auth.schema";

const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;

export const roleField = z.enum(["COORDINATOR", "MEMBER"], {
  required_error: "validation.required",
  invalid_type_error: "validation.invalid",
  message: "validation.invalid",
});

export const inviteSchema = z.object({
  email: emailField,
  name: z
    .string()
    .trim()
    .max(120, tooLong(120))
    .transform((v) => v || null)
    .default(""),
  institutionId: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(64, "validation.invalid"),
  role: roleField,
});

export type InviteFormInput = z.infer<typeof inviteSchema>;

export const changeRoleSchema = z.object({ role: roleField });

export const PEOPLE_STATUSES = ["active", "deactivated", "all"] as const;
export type PeopleStatus = (typeof PEOPLE_STATUSES)[number];

/** The list's query string, forgiving: anything odd falls back to the default. */
export const peopleQuerySchema = z.object({
  q: z.string().trim().max(120).catch(""),
  institution: z.string().trim().max(64).catch(""),
  status: z.enum(PEOPLE_STATUSES).catch("active"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type PeopleQuery = z.infer<typeof peopleQuerySchema>;
