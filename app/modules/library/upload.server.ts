// Receives one file from a multipart/form-data request body as a stream:
//   request.body → busboy → size limit → content sniffer → FileStore.put (hash + temp file + rename)
// Memory stays flat whatever the file size: every stage has backpressure and nothing keeps more
// than the first 4 KiB (for the magic-byte check). On any failure the partial file is removed.
//
// Whatever the way in — this stream, or a browser upload straight to UploadThing that its
// callback reports (uploadthing-router.server.ts) — a stored file becomes a document version
// through the same functions below: prepareUpload (target, locks, type, before any byte) and
// recordStoredFile (new document or next version, refusals remove the stored content).
import { Transform, Writable, pipeline, type Readable, type TransformCallback } from "node:stream";
import { pipeline as pipelineAsync } from "node:stream/promises";
import busboy from "busboy";
import type { MessageKey } from "~/locales";
import type { WorkspaceAction } from "~/modules/workspaces/workspaces.policy";
import { HashingCounter } from "~/modules/storage/local-disk-store.server";
import type { FileStore, StoredFile } from "~/modules/storage/storage.server";
import { extensionOf, isAllowedExtension, ALLOWED_LIST, FILE_TYPES, MB, type AllowedExtension } from "./file-types";
import { ContentMismatch, ContentSniffer } from "./sniff.server";
import { cleanUploadName } from "./library.schema";
import { addUploadedFile, addVersion, discardStored, findActiveDocument, requireFolder, type Library, type UploadResult } from "./library.server";
import { lockedByOthersIn } from "./lock.server";

/** A refusal with an HTTP status and a translatable message for the uploader. */
export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
    readonly vars: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "UploadError";
  }
}

export type ReceivedFile = {
  /** The cleaned file name (no path, no control characters). */
  name: string;
  ext: AllowedExtension;
  mimeType: string;
  stored: StoredFile;
};

export type ReceivedUpload = { file: ReceivedFile; fields: Record<string, string> };

type Options = {
  store: FileStore;
  maxBytes: number;
  /** Called when the file's name is known, before any byte is stored: throw an UploadError to refuse. */
  beforeStore?: (file: { name: string; ext: AllowedExtension }) => void;
};

/** Room for the multipart framing and the small text fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;

/** Errors (with UploadError "tooLarge") as soon as more than `max` bytes have passed. */
class SizeLimit extends Transform {
  private seen = 0;
  constructor(private readonly max: number) {
    super();
  }
  _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.seen += chunk.length;
    if (this.seen > this.max) return done(tooLarge(this.max));
    done(null, chunk);
  }
}

export function tooLarge(maxBytes: number): UploadError {
  return new UploadError(413, "library.upload.tooLarge", { max: Math.round(maxBytes / MB) });
}

/**
 * Parses the request and stores its single file part. Fields before and after the file are
 * collected (small, limited). Throws UploadError for anything the user should hear about.
 */
export async function receiveUpload(request: Request, options: Options): Promise<ReceivedUpload> {
  const { store, maxBytes } = options;
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType) || !request.body) {
    throw new UploadError(400, "library.upload.badRequest");
  }
  // Refuse an announced oversize body before reading it.
  const declared = Number(request.headers.get("Content-Length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 8 * 1024, parts: 12, headerPairs: 40 },
    });
  } catch {
    throw new UploadError(400, "library.upload.badRequest");
  }

  const fields: Record<string, string> = {};
  // In an object: TypeScript does not see assignments made inside the event handlers.
  const state: { failure: Error | null; fileStream: Readable | null; storing: Promise<ReceivedFile> | null } = {
    failure: null,
    fileStream: null,
    storing: null,
  };
  let failed!: (error: Error) => void;
  const failedSignal = new Promise<never>((_, reject) => {
    failed = reject;
  });
  failedSignal.catch(() => {});

  const fail = (error: Error) => {
    if (state.failure) return;
    state.failure = error;
    state.fileStream?.destroy(error);
    failed(error);
  };

  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  parser.on("filesLimit", () => fail(new UploadError(400, "library.upload.oneFile")));
  parser.on("partsLimit", () => fail(new UploadError(400, "library.upload.badRequest")));
  parser.on("file", (_field, stream, info) => {
    if (state.storing || state.failure) {
      stream.resume();
      return;
    }
    // Errors reach the store through the pipeline below; this keeps a destroyed stream quiet.
    stream.on("error", () => {});
    state.fileStream = stream;
    stream.on("limit", () => fail(tooLarge(maxBytes)));
    const name = cleanUploadName(info.filename ?? "");
    const ext = extensionOf(name);
    try {
      if (!name) throw new UploadError(400, "library.upload.noName");
      if (!isAllowedExtension(ext)) throw new UploadError(415, "library.upload.typeNotAllowed", { name, allowed: ALLOWED_LIST });
      options.beforeStore?.({ name, ext });
    } catch (error) {
      stream.resume();
      fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const mimeType = FILE_TYPES[ext].mime;
    const guarded = pipeline(stream, new SizeLimit(maxBytes), new ContentSniffer(ext), () => {});
    const storing = store.put(guarded, { name, mimeType }).then(
      (stored) => ({ name, ext, mimeType, stored }),
      (error: unknown) => {
        const refusal =
          error instanceof UploadError
            ? error
            : error instanceof ContentMismatch
              ? new UploadError(415, "library.upload.contentMismatch", { name, type: ext.toUpperCase(), detected: error.detected })
              : error instanceof Error
                ? error
                : new Error(String(error));
        fail(refusal);
        throw refusal;
      },
    );
    storing.catch(() => {});
    state.storing = storing;
  });
  parser.on("error", (error: unknown) => fail(error instanceof Error ? error : new UploadError(400, "library.upload.badRequest")));
  const parsed = new Promise<void>((resolve) => parser.on("close", () => resolve()));

  const reader = request.body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (state.failure) {
        // Keep reading (and dropping) so the response can still reach the client, but not
        // forever: past the budget the rest stays unread (paused; Node closes the connection
        // after answering). Cancelling would destroy the socket before the answer is sent.
        if (received > maxBytes + ENVELOPE_BYTES) {
          reader.releaseLock();
          break;
        }
        continue;
      }
      if (!parser.write(value)) {
        await Promise.race([new Promise((resolve) => parser.once("drain", resolve)), failedSignal]).catch(() => {});
      }
    }
  } catch {
    // The client went away (cancelled upload, network error).
    fail(new UploadError(400, "library.upload.aborted"));
  }
  if (!state.failure) {
    parser.end();
    await Promise.race([parsed, failedSignal]).catch(() => {});
  } else {
    parser.destroy();
  }

  let file: ReceivedFile | null = null;
  if (state.storing) {
    try {
      file = await state.storing;
    } catch {
      /* `failure` holds the reason */
    }
  }
  if (state.failure) {
    if (file) await store.remove(file.stored.key);
    throw state.failure;
  }
  if (!file) throw new UploadError(400, "library.upload.noFile");
  return { file, fields };
}

/**
 * Reads and drops an unread request body (up to `limit` bytes), so that an early refusal (403,
 * 404, …) reaches a browser that is still sending; larger bodies are cut off instead.
 */
export async function drainBody(request: Request, limit: number): Promise<void> {
  if (!request.body || request.body.locked || request.bodyUsed) return;
  const declared = Number(request.headers.get("Content-Length") ?? "NaN");
  // Announced as too large: leave it unread; Node answers and then closes the connection.
  if (Number.isFinite(declared) && declared > limit + ENVELOPE_BYTES) return;
  const reader = request.body.getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
      if (read > limit + ENVELOPE_BYTES) {
        reader.releaseLock();
        return;
      }
    }
  } catch {
    /* the client went away */
  }
}

// ---------------------------------------------------------------------------------------------
// From a stored file to a document version (shared by every way a file arrives)

/** Where an upload goes: a new version of `documentId`, or into `folderId` (the root when null). */
export type UploadTarget = { folderId: string | null; documentId: string | null };

/** A new version needs "editContent", a file into a folder "addContent". */
export function uploadActionFor(target: UploadTarget): WorkspaceAction {
  return target.documentId ? "editContent" : "addContent";
}

export type PreparedUpload = {
  target: UploadTarget;
  /** The file a new version is for (null: into a folder). */
  document: { id: string; name: string; mimeType: string } | null;
  /** Throws an UploadError (409) when a file of this name and type may not go here now. */
  check(file: { name: string; ext: AllowedExtension }): void;
};

/**
 * Checks the target before any byte is stored: the file or folder exists in this workspace (404),
 * the file is not checked out by someone else, and — once the name is known (`check`) — the type
 * of a new version matches and no same-named file in the folder is checked out by someone else.
 * The database transaction checks locks and types again when the version is recorded.
 */
export async function prepareUpload(lib: Library, target: UploadTarget): Promise<PreparedUpload> {
  const document = target.documentId ? await findActiveDocument(lib.workspaceId, target.documentId) : null;
  if (!document && target.folderId) await requireFolder(lib.workspaceId, target.folderId);
  if (document?.lockedById && document.lockedById !== lib.user.id) {
    throw new UploadError(409, "library.lock.lockedBy", { name: document.name, person: document.lockedBy?.name ?? "—" });
  }
  const lockedHere = document ? [] : await lockedByOthersIn(lib.workspaceId, target.folderId, lib.user.id);
  return {
    target: { folderId: document ? null : target.folderId, documentId: document?.id ?? null },
    document: document ? { id: document.id, name: document.name, mimeType: document.mimeType } : null,
    check({ name, ext }) {
      if (document && FILE_TYPES[ext].mime !== document.mimeType) {
        throw new UploadError(409, "library.version.typeMismatch", { name: document.name, ext: extensionOf(document.name).toUpperCase() });
      }
      const locked = lockedHere.find((d) => d.name.toLocaleLowerCase("pl") === name.toLocaleLowerCase("pl"));
      if (locked) throw new UploadError(409, "library.lock.lockedBy", { name: locked.name, person: locked.person });
    },
  };
}

/**
 * Records a stored file: the next version of the target document, or a new document in the target
 * folder (a same-named file there gets a new version). When the database refuses (name clash, type
 * mismatch, locked meanwhile) or fails, the stored content is removed: nothing is left orphaned.
 */
export async function recordStoredFile(lib: Library, target: UploadTarget, file: ReceivedFile, note: string | null): Promise<UploadResult> {
  let result: UploadResult;
  try {
    result = target.documentId ? await addVersion(lib, target.documentId, file, note) : await addUploadedFile(lib, target.folderId, file, note);
  } catch (error) {
    await discardStored(file.stored.key);
    throw error;
  }
  if (!result.ok) await discardStored(file.stored.key);
  return result;
}

/**
 * Reads stored content back through the same size limit and content check as a streamed upload,
 * for files that reached the store without passing through this server (browser → UploadThing).
 * Returns the real size and SHA-256; throws an UploadError (413/415) when the content is refused.
 */
export async function verifyStoredContent(store: FileStore, key: string, name: string, ext: AllowedExtension, maxBytes: number): Promise<{ size: number; sha256: string }> {
  const counter = new HashingCounter();
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  try {
    await pipelineAsync(await store.open(key), new SizeLimit(maxBytes), new ContentSniffer(ext), counter, sink);
  } catch (error) {
    if (error instanceof ContentMismatch) throw new UploadError(415, "library.upload.contentMismatch", { name, type: ext.toUpperCase(), detected: error.detected });
    throw error;
  }
  return { size: counter.size, sha256: counter.hash.digest("hex") };
}
