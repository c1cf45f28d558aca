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
import { FILE_TYPES, MB } from "~/modules/library/file-types";
import { jsonResponse } from "~/modules/library/library-http.server";
import { noteSchema } from "~/modules/library/library.schema";
import { addUploadedFile, addVersion, discardStored, findActiveDocument, requireFolder, requireLibrary } from "~/modules/library/library.server";
import { lockedByOthersIn } from "~/modules/library/lock.server";
import { drainBody, receiveUpload, UploadError } from "~/modules/library/upload.server";
import { libraryUrls } from "~/modules/library/library-urls";
import { extensionOf } from "~/modules/library/file-types";
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
  const documentId = url.searchParams.get("dokument");
  const folderId = url.searchParams.get("folder") || null;
  const ip = requestMeta(request, context).ip;
  let storedKey: string | null = null;
  try {
    const lib = await requireLibrary(user, params.workspaceId ?? "", documentId ? "editContent" : "addContent", ip);
    const target = documentId ? await findActiveDocument(lib.workspaceId, documentId) : null;
    if (!target && folderId) await requireFolder(lib.workspaceId, folderId);
    // Checked out by someone else: a new version of it is refused now, a same-named upload into
    // its folder as soon as the name arrives (the transaction checks again for a lock taken meanwhile).
    if (target?.lockedById && target.lockedById !== user.id) {
      throw new UploadError(409, "library.lock.lockedBy", { name: target.name, person: target.lockedBy?.name ?? "—" });
    }
    const lockedHere = target ? [] : await lockedByOthersIn(lib.workspaceId, folderId, user.id);

    const upload = await receiveUpload(request, {
      store: getFileStore(),
      maxBytes,
      beforeStore: ({ name, ext }) => {
        if (target && FILE_TYPES[ext].mime !== target.mimeType) {
          throw new UploadError(409, "library.version.typeMismatch", { name: target.name, ext: extensionOf(target.name).toUpperCase() });
        }
        const locked = lockedHere.find((d) => d.name.toLocaleLowerCase("pl") === name.toLocaleLowerCase("pl"));
        if (locked) throw new UploadError(409, "library.lock.lockedBy", { name: locked.name, person: locked.person });
      },
    });
    storedKey = upload.file.stored.key;
    const note = noteSchema.safeParse(upload.fields.note ?? "");
    if (!note.success) {
      await discardStored(storedKey);
      return jsonResponse({ ok: false, error: note.error.issues[0]?.message ?? "validation.invalid" }, 400);
    }
    const result = target ? await addVersion(lib, target.id, upload.file, note.data) : await addUploadedFile(lib, folderId, upload.file, note.data);
    if (!result.ok) {
      await discardStored(storedKey);
      return jsonResponse({ ok: false, error: result.error }, result.status);
    }
    storedKey = null;
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
