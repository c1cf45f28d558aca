// Files Razem writes itself (meeting minutes, strategy exports) enter a workspace library through
// the same checks, versioning and audit as an upload: a same-named file gets a new version, a
// file checked out by someone else is refused, nothing is overwritten.
import { Readable } from "node:stream";
import { getFileStore } from "~/modules/storage/storage.server";
import { db } from "~/utils/db.server";
import { FILE_TYPES, type AllowedExtension } from "./file-types";
import { createFolder, type Library, type UploadResult } from "./library.server";
import { prepareUpload, recordStoredFile, UploadError } from "./upload.server";

export type GeneratedFile = {
  /** A top-level folder to put the file in (created when missing); null: the library's root. */
  folderName: string | null;
  /** The file name with its extension, e.g. "Protokół — Konsultacje 2026-12-01.docx". */
  name: string;
  ext: AllowedExtension;
  content: Buffer;
  note: string | null;
};

/** Finds the live top-level folder called `name`, or creates it. */
async function topFolder(lib: Library, name: string): Promise<{ ok: true; id: string } | { ok: false; status: number; error: string }> {
  const existing = await db.folder.findFirst({ where: { workspaceId: lib.workspaceId, parentId: null, name, deletedAt: null }, select: { id: true } });
  if (existing) return { ok: true, id: existing.id };
  return createFolder(lib, null, name);
}

/** The caller has already authorised `lib` for adding content ("addContent"). */
export async function saveGeneratedFile(lib: Library, file: GeneratedFile): Promise<UploadResult> {
  let folderId: string | null = null;
  if (file.folderName) {
    const folder = await topFolder(lib, file.folderName);
    if (!folder.ok) return folder;
    folderId = folder.id;
  }
  const target = { folderId, documentId: null };
  const mimeType = FILE_TYPES[file.ext].mime;
  try {
    const prepared = await prepareUpload(lib, target);
    prepared.check({ name: file.name, ext: file.ext });
    const stored = await getFileStore().put(Readable.from([file.content]), { name: file.name, mimeType });
    return await recordStoredFile(lib, prepared.target, { name: file.name, ext: file.ext, mimeType, stored }, file.note);
  } catch (error) {
    if (error instanceof UploadError) return { ok: false, status: error.status, error: Object.keys(error.vars).length ? `${error.key}|${JSON.stringify(error.vars)}` : error.key };
    throw error;
  }
}
