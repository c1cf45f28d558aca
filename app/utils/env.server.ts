import { z } from "zod";
import { decodeUploadThingToken } from "~/modules/storage/uploadthing-token.server";

/** Every environment variable Razem reads; documented in the README's configuration table. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^file:/, "DATABASE_URL must be a SQLite file URL such as file:./data/razem.db")
    .default("file:./data/razem.db"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  APP_URL: z.string().url("APP_URL must be an absolute URL such as https://razem.example.pl").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must look like smtp://user:pass@host:587 or smtps://…")
    .optional(),
  MAIL_FROM: z.string().default("Razem <razem@localhost>"),
  OUTBOX_DIR: z.string().default("./data/outbox"),
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** Where the document library keeps file contents (LocalDiskStore). */
  STORAGE_DIR: z.string().default("./data/files"),
  /** Largest file accepted by the document library, in megabytes (1 MB = 1024 × 1024 bytes). */
  UPLOAD_MAX_MB: z.coerce.number().int("UPLOAD_MAX_MB must be a whole number of megabytes").min(1).max(10_240).default(200),
  /** `off`: this process runs no scheduler (reminders, notification e-mails, recurring tasks). */
  SCHEDULER: z.enum(["on", "off"], { message: "SCHEDULER must be on or off" }).default("on"),
  /** Ideas one IP address may send per hour through the public form at /pomysly. */
  IDEAS_RATE_LIMIT_PER_HOUR: z.coerce.number().int("IDEAS_RATE_LIMIT_PER_HOUR must be a whole number").min(1).max(10_000).default(5),
  /** Days after an idea is closed (accepted or rejected) when the resident's contact data is removed. */
  IDEAS_CONTACT_RETENTION_DAYS: z.coerce.number().int("IDEAS_CONTACT_RETENTION_DAYS must be a whole number of days").min(1).max(3650).default(180),
  /** E-mail address residents write to about their personal data (privacy notice of /pomysly). */
  IDEAS_PRIVACY_CONTACT: z.string().email("IDEAS_PRIVACY_CONTACT must be an e-mail address").optional(),
  /** Signs the public form's timestamps and salts the hashed IP keys; unset: random per process. */
  IDEAS_SECRET: z.string().min(16, "IDEAS_SECRET must be at least 16 characters").optional(),
  /** Set: file contents go to UploadThing (cloud) instead of STORAGE_DIR; see docs/decisions/0011. */
  UPLOADTHING_TOKEN: z
    .string()
    .refine(
      (token) => decodeUploadThingToken(token) !== null,
      "UPLOADTHING_TOKEN must be the token from the UploadThing dashboard (API Keys): base64 of {apiKey: \"sk_…\", appId, regions}",
    )
    .optional(),
});

export type Env = z.infer<typeof envSchema> & { appUrl: string; cookieSecure: boolean };

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as "not set", as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  const isLocal = /^http:\/\/(localhost|127\.|\[::1\])/.test(appUrl);
  const cookieSecure =
    env.COOKIE_SECURE === "true" ||
    (env.COOKIE_SECURE === "auto" && env.NODE_ENV === "production" && !isLocal);
  return { ...env, appUrl, cookieSecure };
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
