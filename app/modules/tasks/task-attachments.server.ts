// Files attached to a task: a document of the team's workspace library (a soft reference,
// re-authorised on every read: the reader must still see that workspace and the document must
// still be live), or a file uploaded to the task itself (streamed into the same FileStore with the
// library's size limit, type allowlist and content check). Callers authorise the task first
// (requireTask "view" to read, "manageAttachments" to change).
import type { AuthUser } from "~/modules/auth/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import { MB } from "~/modules/library/file-types";
import { contentDisposition, fileResponse } from "~/modules/library/library-http.server";
import { discardStored, findVersion, openStored } from "~/modules/library/library.server";
import { receiveUpload, UploadError } from "~/modules/library/upload.server";
import { getFileStore } from "~/modules/storage/storage.server";
import type { TaskContext } from "~/modules/teams/access.server";
import { loadWorkspaceAccess, visibleWorkspacesWhere, type WorkspaceContext } from "~/modules/workspaces/access.server";
import { canWorkspace } from "~/modules/workspaces/workspaces.policy";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { recordTaskEvent } from "./tasks.server";
import { taskUrl } from "./task-urls";

type Meta = { ip?: string };
export type AttachmentResult = { ok: true; name: string } | { ok: false; status: number; error: string };

/** More files than this on one task belong in the library. */
export const ATTACHMENTS_MAX = 50;

const encode = (key: string, vars?: Record<string, string | number>) => (vars && Object.keys(vars).length ? `${key}|${JSON.stringify(vars)}` : key);
const refuse = (status: number, key: string, vars?: Record<string, string | number>) => ({ ok: false as const, status, error: encode(key, vars) });

export const attachmentUrl = (teamId: string, taskId: string, attachmentId: string) => `${taskUrl(teamId, taskId)}/zalaczniki/${encodeURIComponent(attachmentId)}`;

/** The team's workspace as the actor sees it, or null (no workspace, or the actor may not view it). */
export async function teamLibraryFor(user: AuthUser, ctx: TaskContext): Promise<WorkspaceContext | null> {
  if (!ctx.team.workspaceId) return null;
  try {
    const ws = await loadWorkspaceAccess(user, ctx.team.workspaceId);
    return canWorkspace(user, "view", { role: ws.role, archived: ws.archived }) ? ws : null;
  } catch (error) {
    if (error instanceof Response && error.status === 404) return null;
    throw error;
  }
}

/** Bound on the library files offered in the picker (most recently changed first). */
export const LIBRARY_PICKER_LIMIT = 500;

export async function libraryPickerOptions(workspaceId: string) {
  return db.document.findMany({
    where: { workspaceId, deletedAt: null },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: LIBRARY_PICKER_LIMIT,
    select: { id: true, name: true },
  });
}

export type AttachmentView =
  | { id: string; kind: "file"; name: string; size: number | null; mimeType: string | null; href: string; createdAt: Date }
  | { id: string; kind: "document"; name: string; size: number | null; mimeType: string | null; href: string; libraryHref: string; createdAt: Date }
  /** A library file this reader cannot see (any more): its name stays hidden. */
  | { id: string; kind: "unavailable"; createdAt: Date };

/** The task's attachments as this reader may see them. Two statements whatever their number. */
export async function attachmentsFor(user: AuthUser, ctx: TaskContext): Promise<AttachmentView[]> {
  const rows = await db.taskAttachment.findMany({
    where: { taskId: ctx.task.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, documentId: true, storageKey: true, name: true, mimeType: true, size: true, createdAt: true },
  });
  const docIds = rows.map((r) => r.documentId).filter((id): id is string => !!id);
  const docs = await db.document.findMany({
    where: { id: { in: docIds }, deletedAt: null, workspace: visibleWorkspacesWhere(user) },
    select: { id: true, name: true, workspaceId: true, mimeType: true, size: true },
  });
  const byId = new Map(docs.map((d) => [d.id, d]));
  return rows.map((r): AttachmentView => {
    const href = attachmentUrl(ctx.team.id, ctx.task.id, r.id);
    if (r.documentId) {
      const doc = byId.get(r.documentId);
      if (!doc) return { id: r.id, kind: "unavailable", createdAt: r.createdAt };
      return {
        id: r.id,
        kind: "document",
        name: doc.name,
        size: Number(doc.size),
        mimeType: doc.mimeType,
        href,
        libraryHref: `/przestrzenie/${encodeURIComponent(doc.workspaceId)}/biblioteka/plik/${encodeURIComponent(doc.id)}`,
        createdAt: r.createdAt,
      };
    }
    return { id: r.id, kind: "file", name: r.name, size: r.size === null ? null : Number(r.size), mimeType: r.mimeType, href, createdAt: r.createdAt };
  });
}

async function tooMany(taskId: string): Promise<boolean> {
  return (await db.taskAttachment.count({ where: { taskId } })) >= ATTACHMENTS_MAX;
}

/** Attaches a live document of the team's workspace; the actor must see that workspace. */
export async function attachDocument(user: AuthUser, ctx: TaskContext, documentId: string, meta: Meta): Promise<AttachmentResult> {
  const ws = await teamLibraryFor(user, ctx);
  await authorize(user, !!ws, { action: "task.attachment.library", entityType: "Task", entityId: ctx.task.id, ip: meta.ip });
  const doc = await db.document.findFirst({ where: { id: documentId, workspaceId: ws!.workspace.id, deletedAt: null }, select: { id: true, name: true, mimeType: true, size: true } });
  if (!doc) return refuse(400, "tasks.attachments.pick");
  if (await db.taskAttachment.findFirst({ where: { taskId: ctx.task.id, documentId: doc.id }, select: { id: true } })) return refuse(409, "tasks.attachments.already", { name: doc.name });
  if (await tooMany(ctx.task.id)) return refuse(409, "tasks.attachments.tooMany", { max: ATTACHMENTS_MAX });
  await db.$transaction(async (tx) => {
    const row = await tx.taskAttachment.create({
      data: { taskId: ctx.task.id, documentId: doc.id, name: doc.name, mimeType: doc.mimeType, size: doc.size, createdById: user.id },
      select: { id: true },
    });
    await recordTaskEvent(tx, ctx.task.id, user.id, "attachment", { added: doc.name });
    await recordAudit(
      { actor: user, action: "task.attachment.add", entityType: "Task", entityId: ctx.task.id, summary: doc.name, changes: { attachmentId: row.id, documentId: doc.id }, ip: meta.ip },
      tx,
    );
  });
  return { ok: true, name: doc.name };
}

/**
 * Streams the request's single file into the store (size limit, type allowlist and content check
 * of the library), then records it. Anything refused leaves no stored file behind.
 */
export async function uploadAttachment(user: AuthUser, ctx: TaskContext, request: Request, meta: Meta): Promise<AttachmentResult> {
  if (await tooMany(ctx.task.id)) return refuse(409, "tasks.attachments.tooMany", { max: ATTACHMENTS_MAX });
  let upload;
  try {
    upload = await receiveUpload(request, { store: getFileStore(), maxBytes: getEnv().UPLOAD_MAX_MB * MB });
  } catch (error) {
    if (error instanceof UploadError) return refuse(error.status, error.key, error.vars);
    throw error;
  }
  const { file } = upload;
  try {
    await db.$transaction(async (tx) => {
      const row = await tx.taskAttachment.create({
        data: { taskId: ctx.task.id, storageKey: file.stored.key, name: file.name, mimeType: file.mimeType, size: BigInt(file.stored.size), createdById: user.id },
        select: { id: true },
      });
      await recordTaskEvent(tx, ctx.task.id, user.id, "attachment", { added: file.name });
      await recordAudit(
        {
          actor: user,
          action: "task.attachment.upload",
          entityType: "Task",
          entityId: ctx.task.id,
          summary: file.name,
          changes: { attachmentId: row.id, size: file.stored.size, sha256: file.stored.sha256 },
          ip: meta.ip,
        },
        tx,
      );
    });
  } catch (error) {
    await discardStored(file.stored.key);
    throw error;
  }
  return { ok: true, name: file.name };
}

/** Removes an attachment of this task (an uploaded file's content goes too; a library file stays). */
export async function removeAttachment(user: AuthUser, ctx: TaskContext, attachmentId: string, meta: Meta): Promise<AttachmentResult> {
  const row = await db.taskAttachment.findFirst({ where: { id: attachmentId, taskId: ctx.task.id }, select: { id: true, name: true, storageKey: true, documentId: true } });
  if (!row) return refuse(404, "tasks.attachments.gone");
  const removed = await db.$transaction(async (tx) => {
    const gone = await tx.taskAttachment.deleteMany({ where: { id: row.id } });
    if (gone.count === 0) return false;
    await recordTaskEvent(tx, ctx.task.id, user.id, "attachment", { removed: row.name });
    await recordAudit(
      { actor: user, action: "task.attachment.remove", entityType: "Task", entityId: ctx.task.id, summary: row.name, changes: { attachmentId: row.id, documentId: row.documentId }, ip: meta.ip },
      tx,
    );
    return true;
  });
  if (!removed) return refuse(404, "tasks.attachments.gone");
  if (row.storageKey) await discardStored(row.storageKey);
  return { ok: true, name: row.name };
}

/**
 * The download of one attachment, authorised on this request: an uploaded file streams from the
 * store; a library file only while the reader still sees its workspace and it is live (then its
 * current version, exactly as the library's own download serves it). Anything else is a 404.
 */
export async function attachmentResponse(user: AuthUser, ctx: TaskContext, request: Request, attachmentId: string): Promise<Response> {
  const row = await db.taskAttachment.findFirst({
    where: { id: attachmentId, taskId: ctx.task.id },
    select: { documentId: true, storageKey: true, name: true, mimeType: true, size: true },
  });
  if (!row) notFound();
  if (row.documentId) {
    const doc = await db.document.findFirst({
      where: { id: row.documentId, deletedAt: null, workspace: visibleWorkspacesWhere(user) },
      select: { id: true, workspaceId: true, currentVersion: true },
    });
    if (!doc) notFound();
    return fileResponse(request, await findVersion(doc.workspaceId, doc.id, doc.currentVersion), "attachment");
  }
  if (!row.storageKey) notFound();
  const headers = new Headers({
    "Content-Type": row.mimeType ?? "application/octet-stream",
    "Content-Disposition": contentDisposition("attachment", row.name),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-cache, no-transform",
  });
  if (row.size !== null) headers.set("Content-Length", String(row.size));
  if (request.method === "HEAD") return new Response(null, { status: 200, headers });
  const stream = await openStored(row.storageKey);
  request.signal?.addEventListener("abort", () => stream.destroy(), { once: true });
  return new Response(createReadableStreamFromReadable(stream), { status: 200, headers });
}
