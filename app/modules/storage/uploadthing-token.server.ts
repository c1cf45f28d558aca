// UPLOADTHING_TOKEN, as the uploadthing package reads it (uploadthing 7, shared-schemas:
// `UploadThingToken`): base64 of the JSON {apiKey: "sk_…", appId, regions: [..] (non-empty),
// ingestHost?: "ingest.uploadthing.com"}. Decoded here only to refuse a malformed token at start
// and to know which ingest hosts the browser sends files to; the package decodes it again itself.
import { z } from "zod";

const tokenShape = z.object({
  apiKey: z.string().startsWith("sk_"),
  appId: z.string().min(1),
  regions: z.array(z.string().min(1)).nonempty(),
  ingestHost: z.string().min(1).default("ingest.uploadthing.com"),
});

export type UploadThingTokenData = z.infer<typeof tokenShape>;

/** The token's content, or null when it is not a token UploadThing would accept. */
export function decodeUploadThingToken(token: string): UploadThingTokenData | null {
  const trimmed = token.trim();
  if (!/^[A-Za-z0-9+/=_-]+$/.test(trimmed)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(trimmed, "base64").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = tokenShape.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The origins the browser uploads to (one per region); what a CSP `connect-src` must allow. */
export function uploadThingIngestOrigins(token: UploadThingTokenData): string[] {
  return token.regions.map((region) => `https://${region}.${token.ingestHost}`);
}

/**
 * What the CSP `connect-src` must add for direct uploads with this UPLOADTHING_TOKEN (none without
 * one, or with a malformed one — which the configuration check refuses anyway).
 */
export function uploadConnectSources(token: string | undefined): string[] {
  const decoded = token ? decodeUploadThingToken(token) : null;
  return decoded ? uploadThingIngestOrigins(decoded) : [];
}
