import crypto from "node:crypto";

/** A URL-safe secret for links sent by email; only its hash is stored. */
export function generateToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}
