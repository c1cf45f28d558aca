// The document library of a workspace: the only code that queries folders, documents and
// versions. Routes first call `requireLibrary` (workspace visible → else 404; action allowed →
// else 403, audited), then the queries and commands below, which scope every lookup to that
// workspace (a folder or file of another workspace is a 404). Each command writes in one
// transaction together with its audit entry. Document-level rules (document.policy.ts) are
// hooked in here: a file checked out by someone else (lock.server.ts) gets no new version,
// rename, move or trash (409), and a new version sends an approved or in-review document back
// to draft (review.server.ts).
import type { Readable } from "node:stream";
import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/utils/db.server";
import { foldText } from "~/utils/text";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { requireWorkspace, type WorkspaceContext } from "~/modules/workspaces/access.server";
import type { WorkspaceAction } from "~/modules/workspaces/workspaces.policy";
import { getFileStore, StoredFileMissing } from "~/modules/storage/storage.server";
import { extensionOf, isTextPreviewable } from "./file-types";
import { descendantIds, folderPath, type FolderLike } from "./library-tree";
import { auditLockReleasedByVersionTx, checkDocumentTx, documentState, enforceDocument, lockedInFoldersTx, type Refusal } from "./lock.server";
import { cancelReviewForNewVersionTx } from "./review.server";
import type { ReceivedFile } from "./upload.server";

export const TRASH_RETENTION_DAYS = 30;
export const LIST_PAGE_SIZE = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Library = { user: AuthUser; workspaceId: string; ip?: string; access: WorkspaceContext };

/** Authorises `action` in the workspace (404 when invisible, 403 audited when not allowed). */
export async function requireLibrary(user: AuthUser, workspaceId: string, action: WorkspaceAction, ip?: string): Promise<Library> {
  const access = await requireWorkspace(user, workspaceId, action, ip);
  return { user, workspaceId: access.workspace.id, ip, access };
}

/** A refusal the person can fix: a translation key ("key|{vars}") and an HTTP status. */
export type CommandResult<T = object> = ({ ok: true } & T) | { ok: false; status: number; error: string };

function refuse(status: number, key: string, vars?: Record<string, string | number>): { ok: false; status: number; error: string } {
  return { ok: false, status, error: vars ? `${key}|${JSON.stringify(vars)}` : key };
}

const sameName = (a: string, b: string) => a.toLocaleLowerCase("pl") === b.toLocaleLowerCase("pl");

// ---------------------------------------------------------------------------------------------
// Queries

export type FolderRow = {
  id: string;
  name: string;
  parentId: string | null;
  createdAt: Date;
  updatedAt: Date;
  createdBy: { name: string };
};

/** Every live folder of the workspace: one query, for breadcrumbs, subfolders and move targets. */
export async function listFolders(workspaceId: string): Promise<FolderRow[]> {
  return db.folder.findMany({
    where: { workspaceId, deletedAt: null },
    select: { id: true, name: true, parentId: true, createdAt: true, updatedAt: true, createdBy: { select: { name: true } } },
  });
}

/** A live folder of this workspace, or 404. */
export async function requireFolder(workspaceId: string, folderId: string, client: Tx | typeof db = db) {
  const folder = await client.folder.findFirst({ where: { id: folderId, workspaceId, deletedAt: null } });
  return folder ?? notFound();
}

/** A live file of this workspace with its history (newest first), or 404. */
export async function getDocument(workspaceId: string, documentId: string) {
  const doc = await db.document.findFirst({
    where: { id: documentId, workspaceId, deletedAt: null },
    select: {
      id: true,
      name: true,
      folderId: true,
      mimeType: true,
      size: true,
      status: true,
      currentVersion: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { name: true } },
      lockedById: true,
      lockedAt: true,
      lockedBy: { select: { name: true } },
      versions: {
        orderBy: { number: "desc" },
        select: {
          number: true,
          size: true,
          mimeType: true,
          sha256: true,
          originalName: true,
          note: true,
          restoredFrom: true,
          storageKey: true,
          createdAt: true,
          createdBy: { select: { name: true } },
        },
      },
    },
  });
  if (!doc) notFound();
  return {
    ...doc,
    size: Number(doc.size),
    /** Server-side only (text preview); never sent to the page. */
    currentStorageKey: doc.versions[0]?.storageKey ?? null,
    versions: doc.versions.map(({ storageKey: _key, ...v }) => ({ ...v, size: Number(v.size) })),
  };
}

/** One version of a live file of this workspace, for download and preview; 404 otherwise. */
export async function findVersion(workspaceId: string, documentId: string, number: number) {
  if (!Number.isSafeInteger(number) || number < 1) notFound();
  const version = await db.documentVersion.findFirst({
    where: { number, document: { id: documentId, workspaceId, deletedAt: null } },
    select: {
      number: true,
      storageKey: true,
      size: true,
      mimeType: true,
      sha256: true,
      document: { select: { name: true, currentVersion: true } },
    },
  });
  if (!version) notFound();
  return { ...version, size: Number(version.size) };
}

/** Opens stored content; a missing file (lost storage) is a 404 for the reader and an error in the log. */
export async function openStored(key: string): Promise<Readable> {
  try {
    return await getFileStore().open(key);
  } catch (error) {
    if (error instanceof StoredFileMissing) {
      console.error(JSON.stringify({ level: "error", msg: "library: stored file missing", key }));
      notFound();
    }
    throw error;
  }
}

export const TEXT_PREVIEW_BYTES = 128 * 1024;

/** The beginning of a text file as a string (UTF-8, UTF-16 with BOM, else Windows-1250). */
export async function readTextPreview(storageKey: string, mimeType: string): Promise<{ text: string; truncated: boolean } | null> {
  if (!isTextPreviewable(mimeType)) return null;
  let stream: Readable;
  try {
    stream = await getFileStore().open(storageKey);
  } catch {
    return null;
  }
  const chunks: Buffer[] = [];
  let length = 0;
  let truncated = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length > TEXT_PREVIEW_BYTES) {
        truncated = true;
        break;
      }
    }
  } finally {
    stream.destroy();
  }
  const bytes = Buffer.concat(chunks).subarray(0, TEXT_PREVIEW_BYTES);
  return { text: decodeText(bytes), truncated };
}

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    // `fatal` refuses invalid UTF-8; a cut at the end of the preview is not invalid (stream mode).
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes, { stream: true });
  } catch {
    // Polish Excel/Notepad exports are often Windows-1250.
    return new TextDecoder("windows-1250").decode(bytes);
  }
}

// ---------------------------------------------------------------------------------------------
// Names

type Clash = { kind: "folder" | "document"; id: string; name: string };

/** A live folder or file named like `name` (case-insensitive) directly in `folderId`. */
async function findClash(tx: Tx, workspaceId: string, folderId: string | null, name: string, except?: { id: string }): Promise<Clash | null> {
  const [docs, folders] = await Promise.all([
    tx.document.findMany({ where: { workspaceId, folderId, deletedAt: null, nameKey: foldText(name) }, select: { id: true, name: true } }),
    tx.folder.findMany({ where: { workspaceId, parentId: folderId, deletedAt: null }, select: { id: true, name: true } }),
  ]);
  const doc = docs.find((d) => d.id !== except?.id && sameName(d.name, name));
  if (doc) return { kind: "document", ...doc };
  const folder = folders.find((f) => f.id !== except?.id && sameName(f.name, name));
  return folder ? { kind: "folder", ...folder } : null;
}

/** "Raport.pdf" → "Raport (2).pdf" → "Raport (3).pdf" … until nothing live has the name. */
async function freeName(tx: Tx, workspaceId: string, folderId: string | null, name: string, except?: { id: string }): Promise<string> {
  if (!(await findClash(tx, workspaceId, folderId, name, except))) return name;
  const ext = extensionOf(name);
  const stem = ext ? name.slice(0, -(ext.length + 1)) : name;
  for (let n = 2; n < 1000; n++) {
    const candidate = ext ? `${stem} (${n}).${ext}` : `${stem} (${n})`;
    if (!(await findClash(tx, workspaceId, folderId, candidate, except))) return candidate;
  }
  return `${stem} (${Date.now()})${ext ? `.${ext}` : ""}`;
}

function nameTaken(clash: Clash, folderName: string | null) {
  return refuse(409, folderName ? "library.name.takenIn" : "library.name.taken", { name: clash.name, folder: folderName ?? "" });
}

/** Keeps a file's extension when a rename drops or changes it ("Raport" → "Raport.pdf"). */
export function keepExtension(oldName: string, newName: string): string {
  const ext = extensionOf(oldName);
  if (!ext || extensionOf(newName) === ext) return newName;
  return `${newName}.${ext}`;
}

async function folderName(tx: Tx, workspaceId: string, folderId: string | null): Promise<string | null> {
  if (!folderId) return null;
  const f = await tx.folder.findFirst({ where: { id: folderId, workspaceId }, select: { name: true } });
  return f?.name ?? null;
}

// ---------------------------------------------------------------------------------------------
// Folders and renames/moves

function audit(lib: Library, entry: { action: string; entityType: "Folder" | "Document"; entityId: string; summary: string; changes?: Record<string, unknown> }, tx: Tx) {
  return recordAudit({ actor: lib.user, ip: lib.ip, ...entry }, tx);
}

export async function createFolder(lib: Library, parentId: string | null, name: string): Promise<CommandResult<{ id: string }>> {
  return db.$transaction(async (tx) => {
    if (parentId) await requireFolder(lib.workspaceId, parentId, tx);
    const clash = await findClash(tx, lib.workspaceId, parentId, name);
    if (clash) return nameTaken(clash, await folderName(tx, lib.workspaceId, parentId));
    const folder = await tx.folder.create({ data: { workspaceId: lib.workspaceId, parentId, name, createdById: lib.user.id } });
    await audit(lib, { action: "library.folder.create", entityType: "Folder", entityId: folder.id, summary: name, changes: { name: [null, name], parentId: [null, parentId] } }, tx);
    return { ok: true as const, id: folder.id };
  });
}

export async function renameItem(lib: Library, kind: "folder" | "document", id: string, requested: string): Promise<CommandResult<{ name: string }>> {
  return db.$transaction(async (tx) => {
    if (kind === "folder") {
      const folder = await requireFolder(lib.workspaceId, id, tx);
      if (folder.name === requested) return { ok: true as const, name: requested };
      const clash = await findClash(tx, lib.workspaceId, folder.parentId, requested, { id });
      if (clash) return nameTaken(clash, await folderName(tx, lib.workspaceId, folder.parentId));
      await tx.folder.update({ where: { id }, data: { name: requested } });
      await audit(lib, { action: "library.folder.rename", entityType: "Folder", entityId: id, summary: requested, changes: { name: [folder.name, requested] } }, tx);
      return { ok: true as const, name: requested };
    }
    const doc = (await tx.document.findFirst({ where: { id, workspaceId: lib.workspaceId, deletedAt: null } })) ?? notFound();
    const name = keepExtension(doc.name, requested);
    if (doc.name === name) return { ok: true as const, name };
    const locked = await checkDocumentTx(tx, lib, id, "rename");
    if (locked) return locked;
    const clash = await findClash(tx, lib.workspaceId, doc.folderId, name, { id });
    if (clash) return nameTaken(clash, await folderName(tx, lib.workspaceId, doc.folderId));
    await tx.document.update({ where: { id }, data: { name, nameKey: foldText(name) } });
    await audit(lib, { action: "library.document.rename", entityType: "Document", entityId: id, summary: name, changes: { name: [doc.name, name] } }, tx);
    return { ok: true as const, name };
  });
}

export async function moveItem(lib: Library, kind: "folder" | "document", id: string, targetFolderId: string | null): Promise<CommandResult<{ name: string }>> {
  return db.$transaction(async (tx) => {
    const target = targetFolderId ? await requireFolder(lib.workspaceId, targetFolderId, tx) : null;
    if (kind === "folder") {
      const folder = await requireFolder(lib.workspaceId, id, tx);
      if (folder.parentId === targetFolderId) return { ok: true as const, name: folder.name };
      if (targetFolderId) {
        const all = await tx.folder.findMany({ where: { workspaceId: lib.workspaceId, deletedAt: null }, select: { id: true, name: true, parentId: true } });
        if (targetFolderId === id || descendantIds(all, id).has(targetFolderId)) return refuse(409, "library.move.intoItself", { name: folder.name });
      }
      const clash = await findClash(tx, lib.workspaceId, targetFolderId, folder.name, { id });
      if (clash) return nameTaken(clash, target?.name ?? null);
      await tx.folder.update({ where: { id }, data: { parentId: targetFolderId } });
      await audit(lib, { action: "library.folder.move", entityType: "Folder", entityId: id, summary: folder.name, changes: { parentId: [folder.parentId, targetFolderId] } }, tx);
      return { ok: true as const, name: folder.name };
    }
    const doc = (await tx.document.findFirst({ where: { id, workspaceId: lib.workspaceId, deletedAt: null } })) ?? notFound();
    if (doc.folderId === targetFolderId) return { ok: true as const, name: doc.name };
    const locked = await checkDocumentTx(tx, lib, id, "move");
    if (locked) return locked;
    const clash = await findClash(tx, lib.workspaceId, targetFolderId, doc.name, { id });
    if (clash) return nameTaken(clash, target?.name ?? null);
    await tx.document.update({ where: { id }, data: { folderId: targetFolderId } });
    await audit(lib, { action: "library.document.move", entityType: "Document", entityId: id, summary: doc.name, changes: { folderId: [doc.folderId, targetFolderId] } }, tx);
    return { ok: true as const, name: doc.name };
  });
}

// ---------------------------------------------------------------------------------------------
// Uploads and versions

export type UploadResult = CommandResult<{ documentId: string; number: number; created: boolean; name: string }>;

/**
 * Adds the next version inside the caller's transaction. Refused (409) while someone else has the
 * file checked out. A new version also moves the review workflow on: an APPROVED or IN_REVIEW
 * document becomes a DRAFT again (an open review is cancelled with a note, see review.server.ts;
 * the approval of the older version stays on record), and the uploader's own lock is released —
 * the edit it announced has arrived.
 */
async function addVersionTx(
  tx: Tx,
  lib: Library,
  doc: { id: string; name: string; currentVersion: number },
  content: { storageKey: string; size: number; sha256: string; mimeType: string; originalName: string },
  extra: { note: string | null; restoredFrom?: number },
): Promise<{ ok: true; number: number } | Refusal> {
  const restoring = extra.restoredFrom !== undefined;
  const refused = await checkDocumentTx(tx, lib, doc.id, restoring ? "restoreVersion" : "uploadVersion");
  if (refused) return refused;
  const state = await tx.document.findUniqueOrThrow({ where: { id: doc.id }, select: { status: true, lockedById: true, lockedAt: true } });
  const releaseLock = state.lockedById === lib.user.id;
  const number = doc.currentVersion + 1;
  await tx.documentVersion.create({
    data: {
      documentId: doc.id,
      number,
      storageKey: content.storageKey,
      size: BigInt(content.size),
      mimeType: content.mimeType,
      sha256: content.sha256,
      originalName: content.originalName,
      note: extra.note,
      restoredFrom: extra.restoredFrom ?? null,
      createdById: lib.user.id,
    },
  });
  // Only move forward: a concurrent version that won the race makes this one fail on @@unique.
  await tx.document.update({
    where: { id: doc.id, currentVersion: doc.currentVersion },
    data: {
      currentVersion: number,
      mimeType: content.mimeType,
      size: BigInt(content.size),
      status: "DRAFT",
      ...(releaseLock ? { lockedById: null, lockedAt: null } : {}),
    },
  });
  await audit(
    lib,
    {
      action: restoring ? "library.document.restoreVersion" : "library.document.version",
      entityType: "Document",
      entityId: doc.id,
      summary: `${doc.name} — v${number}`,
      changes: {
        currentVersion: [doc.currentVersion, number],
        sha256: [null, content.sha256],
        ...(state.status !== "DRAFT" ? { status: [state.status, "DRAFT"] } : {}),
        ...(extra.restoredFrom ? { restoredFrom: [null, extra.restoredFrom] } : {}),
        ...(extra.note ? { note: [null, extra.note] } : {}),
      },
    },
    tx,
  );
  if (state.status === "IN_REVIEW") await cancelReviewForNewVersionTx(tx, lib, doc, number);
  if (releaseLock) await auditLockReleasedByVersionTx(tx, lib, { id: doc.id, name: doc.name, lockedAt: state.lockedAt }, number);
  return { ok: true, number };
}

const contentOf = (file: ReceivedFile) => ({
  storageKey: file.stored.key,
  size: file.stored.size,
  sha256: file.stored.sha256,
  mimeType: file.mimeType,
  originalName: file.name,
});

/**
 * A file arrived for a folder: a new document, or — when a live file with the same name is
 * already there — its next version. A folder with that name is a clash (409).
 */
export async function addUploadedFile(lib: Library, folderId: string | null, file: ReceivedFile, note: string | null): Promise<UploadResult> {
  return db.$transaction(async (tx) => {
    if (folderId) await requireFolder(lib.workspaceId, folderId, tx);
    const clash = await findClash(tx, lib.workspaceId, folderId, file.name);
    if (clash?.kind === "folder") return refuse(409, "library.upload.folderClash", { name: clash.name });
    if (clash) {
      const doc = await tx.document.findUniqueOrThrow({ where: { id: clash.id }, select: { id: true, name: true, currentVersion: true, mimeType: true } });
      if (doc.mimeType !== file.mimeType) return refuse(409, "library.version.typeMismatch", { name: doc.name, ext: extensionOf(doc.name).toUpperCase() });
      const added = await addVersionTx(tx, lib, doc, contentOf(file), { note });
      if (!added.ok) return added;
      return { ok: true as const, documentId: doc.id, number: added.number, created: false, name: doc.name };
    }
    const doc = await tx.document.create({
      data: {
        workspaceId: lib.workspaceId,
        folderId,
        name: file.name,
        nameKey: foldText(file.name),
        mimeType: file.mimeType,
        size: BigInt(file.stored.size),
        currentVersion: 1,
        createdById: lib.user.id,
        versions: {
          create: {
            number: 1,
            storageKey: file.stored.key,
            size: BigInt(file.stored.size),
            mimeType: file.mimeType,
            sha256: file.stored.sha256,
            originalName: file.name,
            note,
            createdById: lib.user.id,
          },
        },
      },
    });
    await audit(
      lib,
      {
        action: "library.document.upload",
        entityType: "Document",
        entityId: doc.id,
        summary: doc.name,
        changes: { name: [null, doc.name], folderId: [null, folderId], size: [null, file.stored.size], sha256: [null, file.stored.sha256] },
      },
      tx,
    );
    return { ok: true as const, documentId: doc.id, number: 1, created: true, name: doc.name };
  });
}

/** "Wyślij nową wersję": the next version of a live file; the type must stay the same. */
export async function addVersion(lib: Library, documentId: string, file: ReceivedFile, note: string | null): Promise<UploadResult> {
  return db.$transaction(async (tx) => {
    const doc =
      (await tx.document.findFirst({
        where: { id: documentId, workspaceId: lib.workspaceId, deletedAt: null },
        select: { id: true, name: true, currentVersion: true, mimeType: true },
      })) ?? notFound();
    if (doc.mimeType !== file.mimeType) return refuse(409, "library.version.typeMismatch", { name: doc.name, ext: extensionOf(doc.name).toUpperCase() });
    const added = await addVersionTx(tx, lib, doc, contentOf(file), { note });
    if (!added.ok) return added;
    return { ok: true as const, documentId: doc.id, number: added.number, created: false, name: doc.name };
  });
}

/** The file a version list would show first: the document's existence, type and lock, before an upload streams in. */
export async function findActiveDocument(workspaceId: string, documentId: string) {
  return (
    (await db.document.findFirst({
      where: { id: documentId, workspaceId, deletedAt: null },
      select: { id: true, name: true, mimeType: true, lockedById: true, lockedBy: { select: { name: true } } },
    })) ?? notFound()
  );
}

/**
 * Restoring version N adds a new version with a copy of N's content: history only grows,
 * nothing is overwritten. The copy streams through the store like an upload.
 */
export async function restoreVersion(lib: Library, documentId: string, number: number, note: string | null): Promise<CommandResult<{ number: number; name: string }>> {
  const source = await findVersion(lib.workspaceId, documentId, number);
  if (source.document.currentVersion === number) return refuse(409, "library.version.alreadyCurrent", { number });
  // Checked out by someone else: refused before anything is copied (and again in the transaction).
  const refused = await enforceDocument(lib, await documentState(lib.workspaceId, documentId), "restoreVersion");
  if (refused) return refused;
  const store = getFileStore();
  const copy = await store.put(await openStored(source.storageKey), { name: source.document.name, mimeType: source.mimeType });
  if (copy.sha256 !== source.sha256) {
    await store.remove(copy.key);
    throw new Error(`Stored content of version ${number} of ${documentId} does not match its SHA-256`);
  }
  try {
    const result: CommandResult<{ number: number; name: string }> = await db.$transaction(async (tx) => {
      const doc =
        (await tx.document.findFirst({ where: { id: documentId, workspaceId: lib.workspaceId, deletedAt: null }, select: { id: true, name: true, currentVersion: true } })) ??
        notFound();
      const added = await addVersionTx(
        tx,
        lib,
        doc,
        { storageKey: copy.key, size: copy.size, sha256: copy.sha256, mimeType: source.mimeType, originalName: source.document.name },
        { note, restoredFrom: number },
      );
      return added.ok ? { ok: true as const, number: added.number, name: doc.name } : added;
    });
    if (!result.ok) await store.remove(copy.key);
    return result;
  } catch (error) {
    await store.remove(copy.key);
    throw error;
  }
}

/** Removes stored content of an upload the database did not take (refused or failed). */
export async function discardStored(key: string): Promise<void> {
  await getFileStore().remove(key);
}

// ---------------------------------------------------------------------------------------------
// Trash

export async function trashItem(lib: Library, kind: "folder" | "document", id: string): Promise<CommandResult<{ name: string; parentId: string | null }>> {
  const deletedAt = new Date();
  return db.$transaction(async (tx) => {
    if (kind === "document") {
      const doc = (await tx.document.findFirst({ where: { id, workspaceId: lib.workspaceId, deletedAt: null } })) ?? notFound();
      const locked = await checkDocumentTx(tx, lib, id, "trash");
      if (locked) return locked;
      await tx.document.update({ where: { id }, data: { deletedAt, deletedById: lib.user.id, trashedWithId: null } });
      await audit(lib, { action: "library.document.trash", entityType: "Document", entityId: id, summary: doc.name, changes: { deletedAt: [null, deletedAt] } }, tx);
      return { ok: true as const, name: doc.name, parentId: doc.folderId };
    }
    const folder = await requireFolder(lib.workspaceId, id, tx);
    const live = await tx.folder.findMany({ where: { workspaceId: lib.workspaceId, deletedAt: null }, select: { id: true, name: true, parentId: true } });
    const inside = [...descendantIds(live, id)];
    // A file inside that someone else is editing keeps the whole folder where it is.
    const locked = await lockedInFoldersTx(tx, lib, [id, ...inside]);
    if (locked) return locked;
    const trashedWith = { deletedAt, deletedById: lib.user.id, trashedWithId: id };
    await tx.folder.update({ where: { id }, data: { deletedAt, deletedById: lib.user.id, trashedWithId: null } });
    const folders = inside.length ? await tx.folder.updateMany({ where: { id: { in: inside }, deletedAt: null }, data: trashedWith }) : { count: 0 };
    const documents = await tx.document.updateMany({ where: { workspaceId: lib.workspaceId, folderId: { in: [id, ...inside] }, deletedAt: null }, data: trashedWith });
    await audit(
      lib,
      {
        action: "library.folder.trash",
        entityType: "Folder",
        entityId: id,
        summary: `${folder.name} (${folders.count} + ${documents.count})`,
        changes: { deletedAt: [null, deletedAt], foldersInside: [null, folders.count], documentsInside: [null, documents.count] },
      },
      tx,
    );
    return { ok: true as const, name: folder.name, parentId: folder.parentId };
  });
}

export type TrashRow = {
  kind: "folder" | "document";
  id: string;
  name: string;
  mimeType: string | null;
  size: number | null;
  location: string[];
  deletedAt: Date;
  deletedBy: string | null;
  itemsInside: number;
  purgeAt: Date;
};

/**
 * The trash: items deleted on their own (not those that went with a deleted folder — they come
 * back with it), newest first. Fixed number of queries: counts, one page of each kind merged,
 * the folder tree for locations, names of who deleted, and the contents of trashed folders.
 */
export async function listTrash(workspaceId: string, page: number) {
  const folderWhere: Prisma.FolderWhereInput = { workspaceId, deletedAt: { not: null }, trashedWithId: null };
  const docWhere: Prisma.DocumentWhereInput = { workspaceId, deletedAt: { not: null }, trashedWithId: null };
  const upTo = page * LIST_PAGE_SIZE;
  const [folderCount, docCount, folders, docs, allFolders] = await Promise.all([
    db.folder.count({ where: folderWhere }),
    db.document.count({ where: docWhere }),
    db.folder.findMany({ where: folderWhere, orderBy: [{ deletedAt: "desc" }, { id: "asc" }], take: upTo, select: { id: true, name: true, parentId: true, deletedAt: true, deletedById: true } }),
    db.document.findMany({
      where: docWhere,
      orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
      take: upTo,
      select: { id: true, name: true, folderId: true, mimeType: true, size: true, deletedAt: true, deletedById: true },
    }),
    db.folder.findMany({ where: { workspaceId }, select: { id: true, name: true, parentId: true } }),
  ]);
  const merged = [
    ...folders.map((f) => ({ kind: "folder" as const, id: f.id, name: f.name, parentId: f.parentId, mimeType: null, size: null, deletedAt: f.deletedAt!, deletedById: f.deletedById })),
    ...docs.map((d) => ({ kind: "document" as const, id: d.id, name: d.name, parentId: d.folderId, mimeType: d.mimeType, size: Number(d.size), deletedAt: d.deletedAt!, deletedById: d.deletedById })),
  ]
    .sort((a, b) => b.deletedAt.getTime() - a.deletedAt.getTime() || a.id.localeCompare(b.id))
    .slice((page - 1) * LIST_PAGE_SIZE, upTo);
  const folderIds = merged.filter((r) => r.kind === "folder").map((r) => r.id);
  const userIds = [...new Set(merged.map((r) => r.deletedById).filter((id): id is string => !!id))];
  const [users, insideFolders, insideDocs] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    folderIds.length ? db.folder.groupBy({ by: ["trashedWithId"], where: { trashedWithId: { in: folderIds } }, _count: { _all: true } }) : [],
    folderIds.length ? db.document.groupBy({ by: ["trashedWithId"], where: { trashedWithId: { in: folderIds } }, _count: { _all: true } }) : [],
  ]);
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const inside = new Map<string, number>();
  for (const g of [...insideFolders, ...insideDocs]) if (g.trashedWithId) inside.set(g.trashedWithId, (inside.get(g.trashedWithId) ?? 0) + g._count._all);
  const rows: TrashRow[] = merged.map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    mimeType: r.mimeType,
    size: r.size,
    location: folderPath(allFolders, r.parentId).map((f) => f.name),
    deletedAt: r.deletedAt,
    deletedBy: r.deletedById ? (nameOf.get(r.deletedById) ?? null) : null,
    itemsInside: inside.get(r.id) ?? 0,
    purgeAt: new Date(r.deletedAt.getTime() + TRASH_RETENTION_DAYS * DAY_MS),
  }));
  return { rows, total: folderCount + docCount };
}

/** Restores an item from the trash (with everything that went with it) into its old folder, or the root if that is gone. */
export async function restoreFromTrash(lib: Library, kind: "folder" | "document", id: string): Promise<CommandResult<{ name: string; toRoot: boolean }>> {
  return db.$transaction(async (tx) => {
    const restored = { deletedAt: null, deletedById: null, trashedWithId: null };
    if (kind === "document") {
      const doc = (await tx.document.findFirst({ where: { id, workspaceId: lib.workspaceId, deletedAt: { not: null }, trashedWithId: null } })) ?? notFound();
      const parentAlive = doc.folderId ? !!(await tx.folder.findFirst({ where: { id: doc.folderId, deletedAt: null }, select: { id: true } })) : true;
      const folderId = parentAlive ? doc.folderId : null;
      const name = await freeName(tx, lib.workspaceId, folderId, doc.name, { id });
      await tx.document.update({ where: { id }, data: { ...restored, folderId, name, nameKey: foldText(name) } });
      await audit(
        lib,
        { action: "library.document.restore", entityType: "Document", entityId: id, summary: name, changes: { deletedAt: [doc.deletedAt, null], ...(name !== doc.name ? { name: [doc.name, name] } : {}) } },
        tx,
      );
      return { ok: true as const, name, toRoot: !parentAlive };
    }
    const folder = (await tx.folder.findFirst({ where: { id, workspaceId: lib.workspaceId, deletedAt: { not: null }, trashedWithId: null } })) ?? notFound();
    const parentAlive = folder.parentId ? !!(await tx.folder.findFirst({ where: { id: folder.parentId, deletedAt: null }, select: { id: true } })) : true;
    const parentId = parentAlive ? folder.parentId : null;
    const name = await freeName(tx, lib.workspaceId, parentId, folder.name, { id });
    await tx.folder.update({ where: { id }, data: { ...restored, parentId, name } });
    const folders = await tx.folder.updateMany({ where: { workspaceId: lib.workspaceId, trashedWithId: id }, data: restored });
    const documents = await tx.document.updateMany({ where: { workspaceId: lib.workspaceId, trashedWithId: id }, data: restored });
    await audit(
      lib,
      {
        action: "library.folder.restore",
        entityType: "Folder",
        entityId: id,
        summary: `${name} (${folders.count} + ${documents.count})`,
        changes: { deletedAt: [folder.deletedAt, null], ...(name !== folder.name ? { name: [folder.name, name] } : {}) },
      },
      tx,
    );
    return { ok: true as const, name, toRoot: !parentAlive };
  });
}

type PurgeActor = { actor: AuditActor; actorLabel?: string; ip?: string };

/** Deletes a trashed item for good: its rows (all versions) in one transaction, then the stored files. */
async function purge(workspaceId: string, kind: "folder" | "document", id: string, who: PurgeActor) {
  const keys: string[] = [];
  const result = await db.$transaction(async (tx) => {
    let folderIds: string[] = [];
    let docIds: string[];
    let name: string;
    if (kind === "document") {
      const doc = (await tx.document.findFirst({ where: { id, workspaceId, deletedAt: { not: null }, trashedWithId: null }, select: { id: true, name: true } })) ?? notFound();
      docIds = [doc.id];
      name = doc.name;
    } else {
      const folder = (await tx.folder.findFirst({ where: { id, workspaceId, deletedAt: { not: null }, trashedWithId: null }, select: { id: true, name: true } })) ?? notFound();
      // Everything below it goes too, including items trashed on their own earlier.
      const all: FolderLike[] = await tx.folder.findMany({ where: { workspaceId }, select: { id: true, name: true, parentId: true } });
      folderIds = [id, ...descendantIds(all, id)];
      const docs = await tx.document.findMany({ where: { workspaceId, folderId: { in: folderIds } }, select: { id: true } });
      docIds = docs.map((d) => d.id);
      name = folder.name;
    }
    const versions = docIds.length ? await tx.documentVersion.findMany({ where: { documentId: { in: docIds } }, select: { storageKey: true } }) : [];
    keys.push(...versions.map((v) => v.storageKey));
    if (docIds.length) await tx.document.deleteMany({ where: { id: { in: docIds } } });
    if (folderIds.length) await tx.folder.deleteMany({ where: { id: { in: folderIds } } });
    await recordAudit(
      {
        ...who,
        action: kind === "folder" ? "library.folder.purge" : "library.document.purge",
        entityType: kind === "folder" ? "Folder" : "Document",
        entityId: id,
        summary: name,
        changes: { documents: [docIds.length, 0], versions: [versions.length, 0] },
      },
      tx,
    );
    return { name, documents: docIds.length, folders: folderIds.length };
  });
  // After the commit: a crash here leaves orphan files (harmless), never rows without content.
  const store = getFileStore();
  for (const key of new Set(keys)) {
    await store.remove(key).catch((error: unknown) => console.error(JSON.stringify({ level: "error", msg: "library: could not remove stored file", key, error: String(error) })));
  }
  return { ...result, files: new Set(keys).size };
}

export async function purgeTrashItem(lib: Library, kind: "folder" | "document", id: string) {
  return purge(lib.workspaceId, kind, id, { actor: lib.user, ip: lib.ip });
}

/**
 * Purges everything that has been in any workspace's trash longer than 30 days. Meant to run
 * once a day (a scheduler arrives with a later issue; until then call it from a cron job via
 * `tsx -e "import('./app/modules/library/library.server.ts').then(m => m.purgeExpiredTrash())"`).
 */
export async function purgeExpiredTrash(now = new Date()) {
  const cutoff = new Date(now.getTime() - TRASH_RETENTION_DAYS * DAY_MS);
  const where = { deletedAt: { lt: cutoff }, trashedWithId: null };
  const [folders, docs] = await Promise.all([
    db.folder.findMany({ where, select: { id: true, workspaceId: true } }),
    db.document.findMany({ where, select: { id: true, workspaceId: true } }),
  ]);
  const totals = { folders: 0, documents: 0, files: 0 };
  const system: PurgeActor = { actor: null, actorLabel: "system: trash retention" };
  for (const [kind, items] of [["folder", folders], ["document", docs]] as const) {
    for (const item of items) {
      try {
        const r = await purge(item.workspaceId, kind, item.id, system);
        totals.folders += r.folders;
        totals.documents += r.documents;
        totals.files += r.files;
      } catch (error) {
        // Already gone with a purged parent folder.
        if (error instanceof Response && error.status === 404) continue;
        throw error;
      }
    }
  }
  // While at it: temporary files of uploads cut off by a crash (the disk store has them).
  const store = getFileStore() as Partial<{ sweepTemp: () => Promise<number> }>;
  await store.sweepTemp?.();
  return totals;
}
