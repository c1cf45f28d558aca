// Browser uploads straight to UploadThing (when UPLOADTHING_TOKEN is set; ADR 0011), mounted at
// /api/uploadthing (app/routes/api.uploadthing.ts). Two kinds of request reach it:
//
//  1. From the signed-in browser, before sending a file: `middleware` authenticates the Razem
//     session and authorises exactly like the upload route (workspace visible → else 404; may add
//     or edit content → else 403; target folder/file exists; checked-out files; a new version keeps
//     its type), checks the name, the declared type (our allowlist, the canonical MIME type of the
//     extension) and the size (UPLOAD_MAX_MB). Only then does UploadThing hand out a presigned URL.
//     The route config restricts types and size once more on UploadThing's side.
//  2. From UploadThing, after the file has landed: the callback, signed with HMAC-SHA256 of the body
//     under our API key (the package verifies `x-uploadthing-signature` before anything runs).
//     `onUploadComplete` re-checks the person and their rights (the upload may have taken
//     minutes), reads the stored bytes back through the same size limit and content sniffer as a
//     streamed upload (which also gives the real SHA-256), and records the document version
//     through the same function as the streamed upload (recordStoredFile). Anything refused is
//     deleted from UploadThing. Its answer reaches the browser as `serverData`.
import { createRouteHandler, createUploadthing, type FileRouter } from "uploadthing/remix";
import { UploadThingError } from "uploadthing/server";
import { z } from "zod";
import { getCurrentUser, type AuthUser } from "~/modules/auth/session.server";
import { getUploadThingStore, type UploadThingStore } from "~/modules/storage/storage.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { requestMeta } from "~/utils/request.server";
import { ALLOWED_LIST, extensionOf, FILE_TYPES, isAllowedExtension, MB, type AllowedExtension } from "./file-types";
import { LIBRARY_FILE_ROUTE, type DirectUploadInput, type DirectUploadResult } from "./direct-upload";
import { cleanUploadName, noteSchema } from "./library.schema";
import { requireLibrary } from "./library.server";
import { libraryUrls } from "./library-urls";
import { prepareUpload, recordStoredFile, tooLarge, uploadActionFor, UploadError, verifyStoredContent, type UploadTarget } from "./upload.server";

const idSchema = z.string().min(1).max(100);

/** What the browser sends with the file (never trusted: middleware checks it all). */
export const directUploadInputSchema: z.ZodType<{ workspaceId: string; folderId: string | null; documentId: string | null; note: string | null }, z.ZodTypeDef, DirectUploadInput> = z.object({
  workspaceId: idSchema,
  folderId: idSchema.nullable().default(null),
  documentId: idSchema.nullable().default(null),
  note: z.string().max(10_000).nullable().default(null),
});

/** Carried from middleware to the callback by UploadThing (the callback body is signed). */
export type DirectUploadMetadata = {
  userId: string;
  workspaceId: string;
  folderId: string | null;
  documentId: string | null;
  note: string | null;
  /** The cleaned file name, as the document will be called. */
  name: string;
  ext: AllowedExtension;
  ip: string | null;
};

const encode = (key: string, vars?: Record<string, string | number>) => (vars && Object.keys(vars).length ? `${key}|${JSON.stringify(vars)}` : key);

/** UploadThing knows only these codes; the message is our translation key ("key|{vars}"). */
function utError(status: number, message: string): UploadThingError {
  const code = status === 403 || status === 401 ? "FORBIDDEN" : status === 404 ? "NOT_FOUND" : status === 413 ? "TOO_LARGE" : status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST";
  return new UploadThingError({ code, message });
}

/** Our refusals (UploadError, 403/404 Responses from the policies) as an UploadThingError; anything else stays as it is. */
function asUtError(error: unknown): unknown {
  if (error instanceof UploadError) return utError(error.status, encode(error.key, error.vars));
  if (error instanceof Response && (error.status === 403 || error.status === 404)) {
    return utError(error.status, error.status === 403 ? "library.upload.forbidden" : "library.upload.notFound");
  }
  return error;
}

/** Allowed MIME types (each extension's canonical one), each at most `maxBytes`, one file. */
function routeConfig(maxBytes: number) {
  const maxFileSize = `${Math.floor(maxBytes / MB)}MB` as "1MB"; // any whole MB at run time; the type only lists powers of 2
  const mimes = Array.from(new Set(Object.values(FILE_TYPES).map((t) => t.mime)));
  return Object.fromEntries(mimes.map((mime) => [mime, { maxFileSize, maxFileCount: 1, minFileCount: 1 }]));
}

/** A signed-in person for a callback: the account must still exist and be active. */
async function activeUser(id: string): Promise<AuthUser | null> {
  const row = await db.user.findFirst({
    where: { id, deactivatedAt: null },
    select: { id: true, email: true, name: true, isAdmin: true, institutionId: true, institutionRole: true, locale: true, institution: { select: { id: true, name: true, shortName: true } } },
  });
  return row;
}

/** Checks name, declared type and size of one announced file; returns the cleaned name and extension. */
function checkAnnounced(file: { name: string; type: string; size: number }, maxBytes: number): { name: string; ext: AllowedExtension } {
  const name = cleanUploadName(file.name);
  if (!name) throw new UploadError(400, "library.upload.noName");
  const ext = extensionOf(name);
  if (!isAllowedExtension(ext) || file.type !== FILE_TYPES[ext].mime) {
    throw new UploadError(415, "library.upload.typeNotAllowed", { name, allowed: ALLOWED_LIST });
  }
  if (!(file.size >= 0) || file.size > maxBytes) throw tooLarge(maxBytes);
  return { name, ext };
}

const f = createUploadthing();

export function libraryFileRouter(maxBytes: number) {
  return {
    [LIBRARY_FILE_ROUTE]: f(routeConfig(maxBytes), { awaitServerData: true })
      .input(directUploadInputSchema)
      .middleware(async ({ event, input, files }): Promise<DirectUploadMetadata> => {
        try {
          const user = await getCurrentUser(event.request);
          if (!user) throw new UploadError(401, "library.upload.signedOut");
          if (files.length !== 1) throw new UploadError(400, "library.upload.oneFile");
          const ip = requestMeta(event.request, event.context).ip;
          const target: UploadTarget = { folderId: input.documentId ? null : input.folderId, documentId: input.documentId };
          const lib = await requireLibrary(user, input.workspaceId, uploadActionFor(target), ip);
          const prepared = await prepareUpload(lib, target);
          const file = checkAnnounced(files[0], maxBytes);
          prepared.check(file);
          const note = noteSchema.safeParse(input.note ?? "");
          if (!note.success) throw utError(400, note.error.issues[0]?.message ?? "validation.invalid");
          return { userId: user.id, workspaceId: lib.workspaceId, ...prepared.target, note: note.data, name: file.name, ext: file.ext, ip };
        } catch (error) {
          throw asUtError(error);
        }
      })
      .onUploadComplete(async ({ metadata, file }): Promise<DirectUploadResult> => {
        const store = getUploadThingStore();
        if (!store) return { ok: false, error: "library.upload.badRequest" };
        return recordDirectUpload(store, metadata as DirectUploadMetadata, file, maxBytes);
      }),
  } satisfies FileRouter;
}

export type LibraryFileRouter = ReturnType<typeof libraryFileRouter>;
export { LIBRARY_FILE_ROUTE, type DirectUploadResult };

/**
 * The callback's work, after the signature was verified: every refusal removes the file from
 * UploadThing and answers `{ok: false, error}`; it never throws (UploadThing would only log it and
 * the browser would wait for an answer that never comes).
 */
export async function recordDirectUpload(
  store: UploadThingStore,
  metadata: DirectUploadMetadata,
  file: { key: string; name: string; size: number; type: string },
  maxBytes: number,
): Promise<DirectUploadResult> {
  const refuse = async (error: string): Promise<DirectUploadResult> => {
    await store.remove(file.key).catch((e: unknown) => console.error(JSON.stringify({ level: "error", msg: "uploadthing: could not delete refused file", key: file.key, error: String(e) })));
    return { ok: false, error };
  };
  try {
    // The declared type and size once more, now as UploadThing recorded them.
    const announced = checkAnnounced(file, maxBytes);
    if (announced.ext !== metadata.ext) throw new UploadError(415, "library.upload.typeNotAllowed", { name: announced.name, allowed: ALLOWED_LIST });
    const target: UploadTarget = { folderId: metadata.folderId, documentId: metadata.documentId };
    const existing = await versionWithKey(metadata.workspaceId, file.key);
    if (existing) {
      // UploadThing retried a callback that was already recorded: answer the same, add nothing.
      return { ok: true, ...existing, url: libraryUrls.file(metadata.workspaceId, existing.documentId) };
    }
    const user = await activeUser(metadata.userId);
    if (!user) return await refuse("library.upload.signedOut");
    const lib = await requireLibrary(user, metadata.workspaceId, uploadActionFor(target), metadata.ip ?? undefined);
    const content = await verifyStoredContent(store, file.key, metadata.name, metadata.ext, maxBytes);
    const result = await recordStoredFile(
      lib,
      target,
      { name: metadata.name, ext: metadata.ext, mimeType: FILE_TYPES[metadata.ext].mime, stored: { key: file.key, ...content } },
      metadata.note,
    );
    if (!result.ok) return { ok: false, error: result.error };
    return { ok: true, documentId: result.documentId, number: result.number, created: result.created, name: result.name, url: libraryUrls.file(lib.workspaceId, result.documentId) };
  } catch (error) {
    const refusal = asUtError(error);
    if (refusal instanceof UploadThingError) return refuse(refusal.message);
    console.error(JSON.stringify({ level: "error", msg: "uploadthing: recording an upload failed", key: file.key, error: String(error) }));
    return refuse("library.upload.failedServer");
  }
}

/** A version already recorded for this stored file (a repeated callback). */
async function versionWithKey(workspaceId: string, key: string) {
  const version = await db.documentVersion.findFirst({
    where: { storageKey: key, document: { workspaceId } },
    select: { number: true, document: { select: { id: true, name: true } } },
  });
  return version ? { documentId: version.document.id, number: version.number, created: version.number === 1, name: version.document.name } : null;
}

// ---------------------------------------------------------------------------------------------
// The route handler

/** Callbacks still being processed (UploadThing gets its answer first; see `handleDaemonPromise`). */
const pending = new Set<Promise<unknown>>();

/** Resolves when every callback received so far has been recorded (tests, graceful shutdown). */
export async function settleDirectUploads(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}

let cached: { store: UploadThingStore; maxBytes: number; appUrl: string; handler: ReturnType<typeof createRouteHandler> } | null = null;

/** UploadThing's request handler for our router, or null when files are not stored at UploadThing. */
export function uploadThingRouteHandler(): ReturnType<typeof createRouteHandler> | null {
  const store = getUploadThingStore();
  if (!store) return null;
  const env = getEnv();
  const maxBytes = env.UPLOAD_MAX_MB * MB;
  if (cached?.store === store && cached.maxBytes === maxBytes && cached.appUrl === env.appUrl) return cached.handler;
  const { config } = store;
  const handler = createRouteHandler({
    router: libraryFileRouter(maxBytes),
    config: {
      token: config.token,
      fetch: config.fetch,
      ingestUrl: config.ingestUrl,
      logLevel: config.logLevel ?? "Warning",
      logFormat: "json",
      // Where UploadThing calls back: our public address, not whatever Host the request carried.
      callbackUrl: `${env.appUrl}/api/uploadthing`,
      // A long-running server: answer UploadThing at once, record in the background (tracked).
      handleDaemonPromise: (promise) => {
        pending.add(promise);
        void promise.finally(() => pending.delete(promise));
      },
    },
  });
  cached = { store, maxBytes, appUrl: env.appUrl, handler };
  return handler;
}
