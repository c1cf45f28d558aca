import { z } from "zod";
import { emailField } from "~/modules/auth/auth.schema";

// Messages are translation keys ("key|{vars}"), translated next to the field.
const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;
const tooShort = (min: number) => `validation.tooShort|${JSON.stringify({ min })}`;

/** An optional text field: blank becomes null so the database never stores "". */
function optional<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullable().default(null));
}

/** Only http(s): these addresses are rendered as links and images. */
const webAddress = z
  .string()
  .trim()
  .max(500, tooLong(500))
  .url("validation.url")
  .refine((v) => /^https?:\/\//i.test(v), "validation.url");

export const institutionSchema = z.object({
  name: z.string({ required_error: "validation.required" }).trim().min(2, tooShort(2)).max(200, tooLong(200)),
  shortName: z
    .string({ required_error: "validation.required" })
    .trim()
    .min(2, tooShort(2))
    .max(20, tooLong(20))
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} .&-]*$/u, "admin.institution.shortNameFormat"),
  description: z.string().trim().max(2000, tooLong(2000)).default(""),
  contactEmail: optional(emailField),
  contactPhone: optional(
    z
      .string()
      .trim()
      .max(40, tooLong(40))
      .regex(/^\+?[\d\s()-]{6,}$/, "admin.institution.phoneFormat"),
  ),
  address: optional(z.string().trim().max(300, tooLong(300))),
  website: optional(webAddress),
  logoUrl: optional(webAddress),
});

export type InstitutionInput = z.infer<typeof institutionSchema>;

export const INSTITUTION_FIELDS = [
  "name",
  "shortName",
  "description",
  "contactEmail",
  "contactPhone",
  "address",
  "website",
  "logoUrl",
] as const satisfies readonly (keyof InstitutionInput)[];

export const institutionQuerySchema = z.object({
  q: z.string().trim().max(120).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
