import { z } from "zod";
import { MIN_PASSWORD_LENGTH_SHARED } from "./password-rules";

// Messages are translation keys ("key|{vars}"), translated where they are shown.
export const emailField = z
  .string({ required_error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(254, `validation.tooLong|${JSON.stringify({ max: 254 })}`)
  .email("validation.email")
  .transform((v) => v.toLowerCase());

export const nameField = z
  .string({ required_error: "validation.required" })
  .trim()
  .min(2, `validation.tooShort|${JSON.stringify({ min: 2 })}`)
  .max(120, `validation.tooLong|${JSON.stringify({ max: 120 })}`);

export const passwordField = z
  .string({ required_error: "validation.required" })
  .min(MIN_PASSWORD_LENGTH_SHARED, `validation.passwordTooShort|${JSON.stringify({ min: MIN_PASSWORD_LENGTH_SHARED })}`)
  .max(200, `validation.tooLong|${JSON.stringify({ max: 200 })}`);

export const loginSchema = z.object({
  email: emailField,
  password: z.string({ required_error: "validation.required" }).min(1, "validation.required").max(200),
  redirectTo: z.string().optional(),
});

function withRepeat<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...shape, password: passwordField, passwordRepeat: z.string().default("") })
    .refine((v) => v.password === v.passwordRepeat, {
      path: ["passwordRepeat"],
      message: "validation.passwordMismatch",
    });
}

export const setupSchema = withRepeat({ name: nameField, email: emailField });
export const acceptInvitationSchema = withRepeat({ name: nameField });
export const resetPasswordSchema = withRepeat({});
export const requestResetSchema = z.object({ email: emailField });
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "validation.required"),
    password: passwordField,
    passwordRepeat: z.string().default(""),
  })
  .refine((v) => v.password === v.passwordRepeat, {
    path: ["passwordRepeat"],
    message: "validation.passwordMismatch",
  });

/** Only same-site paths: never let ?redirectTo= send someone to another host. */
export function safeRedirect(to: string | null | undefined, fallback = "/pulpit"): string {
  if (!to || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
