// Forms of meeting invitations and RSVP. Messages are translation keys ("key|{vars}"), shown next to
// the field in the reader's language. Pure (no server imports): the components use the constants too.
import { z } from "zod";

const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;

export const RSVP_ANSWERS = ["YES", "NO", "MAYBE"] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];
export type RsvpState = RsvpAnswer | "PENDING";
/** The answers in display order. */
export const RSVP_ORDER: RsvpState[] = ["YES", "NO", "MAYBE", "PENDING"];

/** The answers as they appear in the e-mailed links (?odp=tak|nie|moze). */
export const RSVP_LINK_VALUES: Record<RsvpAnswer, string> = { YES: "tak", NO: "nie", MAYBE: "moze" };

export function answerFromLink(value: string | null | undefined): RsvpAnswer | null {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "tak" || v === "yes") return "YES";
  if (v === "nie" || v === "no") return "NO";
  if (v === "moze" || v === "może" || v === "maybe") return "MAYBE";
  return null;
}

export const INVITE_INTENTS = ["inviteUsers", "inviteInstitution", "inviteGuest", "inviteRemove", "inviteResend", "rsvp"] as const;
export type InviteIntent = (typeof INVITE_INTENTS)[number];

export const GUEST_NAME_MAX = 120;
export const EMAIL_MAX = 254;
export const MAX_USERS_PER_INVITE = 200;

const id = (missing: string) => z.string({ required_error: missing }).trim().min(1, missing).max(64, "validation.invalid");

/** Several ids posted as repeated fields, joined with commas by the route. */
const idList = z
  .string({ required_error: "meetingInvitations.validation.people" })
  .transform((v) =>
    Array.from(
      new Set(
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ),
  )
  .refine((ids) => ids.length > 0, "meetingInvitations.validation.people")
  .refine((ids) => ids.length <= MAX_USERS_PER_INVITE && ids.every((s) => s.length <= 64), "validation.invalid");

export const inviteUsersSchema = z.object({ userIds: idList });

export const inviteInstitutionSchema = z.object({ institutionId: id("meetingInvitations.validation.institution") });

export const inviteGuestSchema = z.object({
  guestName: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(GUEST_NAME_MAX, tooLong(GUEST_NAME_MAX)),
  guestEmail: z
    .string({ required_error: "validation.required" })
    .trim()
    .toLowerCase()
    .min(1, "validation.required")
    .max(EMAIL_MAX, tooLong(EMAIL_MAX))
    .email("validation.email"),
});

export const invitationIdSchema = z.object({ invitationId: id("validation.invalid") });

/** Remove one person/guest (invitationId) or a whole institution (institutionId, with its people's pending invitations). */
export const inviteRemoveSchema = z
  .object({
    invitationId: z.string().trim().max(64, "validation.invalid").optional().transform((v) => v || null),
    institutionId: z.string().trim().max(64, "validation.invalid").optional().transform((v) => v || null),
  })
  .refine((v) => !!v.invitationId !== !!v.institutionId, { message: "validation.invalid", path: ["_form"] });

export const rsvpSchema = z.object({
  answer: z.enum(RSVP_ANSWERS, { required_error: "meetingInvitations.validation.answer", message: "meetingInvitations.validation.answer" }),
});
