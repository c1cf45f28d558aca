import { z } from "zod";

// E-mail and reminder preferences (/profil/powiadomienia). Messages are translation keys.

export const EMAIL_MODES = ["IMMEDIATE", "DIGEST", "OFF"] as const;
export type EmailModeValue = (typeof EMAIL_MODES)[number];

/** The "due in N days" reminders a person can choose; "due today" and "overdue" always come. */
export const REMINDER_DAY_CHOICES = [7, 3, 1] as const;
export const DEFAULT_REMINDER_DAYS = [3, 1];
export const DEFAULT_DIGEST_HOUR = 7;

/** "3,1" → [3, 1]: known choices only, no duplicates, the earliest reminder first. */
export function parseReminderDays(stored: string | null | undefined): number[] {
  if (stored === null || stored === undefined) return [...DEFAULT_REMINDER_DAYS];
  const days = stored
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n): n is (typeof REMINDER_DAY_CHOICES)[number] => (REMINDER_DAY_CHOICES as readonly number[]).includes(n));
  return [...new Set(days)].sort((a, b) => b - a);
}

export function formatReminderDays(days: number[]): string {
  return [...new Set(days)].sort((a, b) => b - a).join(",");
}

export const preferencesSchema = z.object({
  emailMode: z.enum(EMAIL_MODES, { message: "reminders.validation.emailMode" }),
  digestHour: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce
      .number({ message: "reminders.validation.digestHour" })
      .int("reminders.validation.digestHour")
      .min(0, "reminders.validation.digestHour")
      .max(23, "reminders.validation.digestHour")
      .default(DEFAULT_DIGEST_HOUR),
  ),
  /** Repeated checkbox fields; none ticked = no "due in N days" reminders. */
  reminderDays: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v, ctx) => {
      const raw = (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean);
      const days: number[] = [];
      for (const item of raw) {
        const n = Number(item);
        if (!(REMINDER_DAY_CHOICES as readonly number[]).includes(n)) {
          ctx.addIssue({ code: "custom", message: "reminders.validation.reminderDays" });
          return z.NEVER;
        }
        days.push(n);
      }
      return formatReminderDays(days);
    }),
});

export type Preferences = z.infer<typeof preferencesSchema>;
