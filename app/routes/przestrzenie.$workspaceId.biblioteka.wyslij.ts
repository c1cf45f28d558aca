// POST one file (multipart/form-data, field "file", optional "note") into the library:
//   ?folder=<id>    into a folder (the root without it); a same-named file there gets a new version
//   ?dokument=<id>  as the next version of that file
// Answers JSON for the uploader in the browser (XMLHttpRequest with a progress bar):
//   201 {ok, documentId, number, created: true} · 200 {…, created: false} for a new version
//   4xx {ok: false, error: "translation.key|{vars}"} — 401 signed out, 403 may not add, 404 unknown
//   workspace/folder/file, 409 name or type clash or the file is checked out by someone else
//   ("Edytuję ten plik" — refused before a byte is stored), 413 too large, 415 type not allowed /
//   content mismatch.
// Outside the _app layout: no page shell; the session is still checked on every request.
import type { ActionFunctionArgs } from "@remix-run/node";
import { getCurrentUser } from "~/modules/auth/session.server";
import { MB } from "~/modules/library/file-types";
import { jsonResponse } from "~/modules/library/library-http.server";
import { noteSchema } from "~/modules/library/library.schema";
import { discardStored, requireLibrary } from "~/modules/library/library.server";
import { drainBody, prepareUpload, receiveUpload, recordStoredFile, uploadActionFor, UploadError } from "~/modules/library/upload.server";
import { libraryUrls } from "~/modules/library/library-urls";
import { getFileStore } from "~/modules/storage/storage.server";
import { getEnv } from "~/utils/env.server";
import { requestMeta } from "~/utils/request.server";

const encode = (key: string, vars?: Record<string, string | number>) => (vars && Object.keys(vars).length ? `${key}|${JSON.stringify(vars)}` : key);

export async function loader() {
  return jsonResponse({ ok: false, error: "library.upload.badRequest" }, 405, { Allow: "POST" });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const maxBytes = getEnv().UPLOAD_MAX_MB * MB;
  const user = await getCurrentUser(request);
  if (!user) {
    await drainBody(request, maxBytes);
    return jsonResponse({ ok: false, error: "library.upload.signedOut" }, 401);
  }
  const url = new URL(request.url);
  const documentId = url.searchParams.get("dokument") || null;
  const target = { documentId, folderId: documentId ? null : url.searchParams.get("folder") || null };
  const ip = requestMeta(request, context).ip;
  let storedKey: string | null = null;
  try {
    const lib = await requireLibrary(user, params.workspaceId ?? "", uploadActionFor(target), ip);
    // The target exists, is not checked out by someone else, and — as soon as the name arrives —
    // the type fits and no same-named file there is checked out (the transaction checks again).
    const prepared = await prepareUpload(lib, target);
    const upload = await receiveUpload(request, { store: getFileStore(), maxBytes, beforeStore: (file) => prepared.check(file) });
    storedKey = upload.file.stored.key;
    const note = noteSchema.safeParse(upload.fields.note ?? "");
    if (!note.success) {
      await discardStored(storedKey);
      return jsonResponse({ ok: false, error: note.error.issues[0]?.message ?? "validation.invalid" }, 400);
    }
    // Records the version; a refusal or failure removes the stored content itself.
    storedKey = null;
    const result = await recordStoredFile(lib, prepared.target, upload.file, note.data);
    if (!result.ok) return jsonResponse({ ok: false, error: result.error }, result.status);
    return jsonResponse(
      { ok: true, documentId: result.documentId, number: result.number, created: result.created, name: result.name, url: libraryUrls.file(lib.workspaceId, result.documentId) },
      result.created ? 201 : 200,
    );
  } catch (error) {
    if (storedKey) await discardStored(storedKey);
    await drainBody(request, maxBytes);
    if (error instanceof UploadError) return jsonResponse({ ok: false, error: encode(error.key, error.vars) }, error.status);
    if (error instanceof Response && (error.status === 403 || error.status === 404)) {
      return jsonResponse({ ok: false, error: error.status === 403 ? "library.upload.forbidden" : "library.upload.notFound" }, error.status);
    }
    throw error;
  }
}
