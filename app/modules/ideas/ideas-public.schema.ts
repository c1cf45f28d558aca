// The residents' public idea form (/pomysly). Messages are translation keys ("key|{vars}"), shown
// next to the field in the reader's language. Pure (no server imports): the page uses the limits.
import { z } from "zod";

export const IDEA_CATEGORIES = ["SOCIAL", "ECONOMIC", "INFRASTRUCTURE", "CULTURE_TOURISM", "EDUCATION", "ENVIRONMENT", "OTHER"] as const;
export type IdeaCategoryValue = (typeof IDEA_CATEGORIES)[number];
export const IDEA_STATUSES = ["NEW", "IN_ANALYSIS", "ACCEPTED", "REJECTED"] as const;
export const ACCEPTED_FOR = ["STRATEGY", "PROJECT"] as const;

export const LIMITS = {
  titleMin: 5,
  titleMax: 150,
  descriptionMin: 20,
  descriptionMax: 5000,
  locationMax: 200,
  nameMax: 100,
  emailMax: 254,
} as const;

/** The honeypot: named like a real field, hidden from people, filled in by naive bots. */
export const HONEYPOT_FIELD = "website";
/** The signed timestamp issued with the form (see submit.server.ts). */
export const TOKEN_FIELD = "started";
/** A person needs at least this long to fill the form in; quicker submissions are bots. */
export const MIN_FILL_MS = 3_000;
/** A form older than this must be reloaded (its timestamp is stale). */
export const MAX_FORM_AGE_MS = 24 * 3600 * 1000;

const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;
const tooShort = (min: number) => `validation.tooShort|${JSON.stringify({ min })}`;

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => v?.trim() || null)
    .refine((v) => v === null || v.length <= max, tooLong(max));

export const ideaSubmissionSchema = z
  .object({
    title: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").min(LIMITS.titleMin, tooShort(LIMITS.titleMin)).max(LIMITS.titleMax, tooLong(LIMITS.titleMax)),
    description: z
      .string({ required_error: "validation.required" })
      .trim()
      .min(1, "validation.required")
      .min(LIMITS.descriptionMin, tooShort(LIMITS.descriptionMin))
      .max(LIMITS.descriptionMax, tooLong(LIMITS.descriptionMax)),
    category: z.enum(IDEA_CATEGORIES, { required_error: "ideasPublic.validation.category", message: "ideasPublic.validation.category" }),
    location: optionalText(LIMITS.locationMax),
    name: optionalText(LIMITS.nameMax),
    email: optionalText(LIMITS.emailMax).refine((v) => v === null || z.string().email().safeParse(v).success, "validation.email"),
    consent: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "1" || v === "true"),
  })
  .superRefine((v, ctx) => {
    // RODO: contact data only with the resident's consent to its processing.
    if ((v.name || v.email) && !v.consent) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["consent"], message: "ideasPublic.validation.consent" });
  });

export type IdeaSubmission = z.infer<typeof ideaSubmissionSchema>;
