// Loaders and actions shared by the library's page routes (root folder, folder, file, trash),
// so each route file stays a few lines. Every entry point authorises through requireLibrary.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { MessageKey } from "~/locales";
import { pageInfo } from "~/modules/admin/pagination";
import { notFound } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { allowedWorkspaceActions, type WorkspaceAction } from "~/modules/workspaces/workspaces.policy";
import { uploadMode } from "~/modules/storage/storage.server";
import { getEnv } from "~/utils/env.server";
import { fieldErrors, formToObject } from "~/utils/forms";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast, toastHeader, type Toast } from "~/utils/toast.server";
import { allowedDocumentActions } from "./document.policy";
import { MB } from "./file-types";
import { childFolders, compareNames, folderPath } from "./library-tree";
import { libraryUrls } from "./library-urls";
import { listDocumentAuthors, listFolderPage } from "./folder-listing.server";
import { hasFilters, type FolderFilters } from "./library-filters";
import { libraryActionSchema, pageQuerySchema, parseFolderFilters, parseListQuery, restoreVersionSchema, trashItemSchema } from "./library.schema";
import {
  createFolder,
  getDocument,
  LIST_PAGE_SIZE,
  listFolders,
  listTrash,
  moveItem,
  purgeTrashItem,
  readTextPreview,
  renameItem,
  requireLibrary,
  restoreFromTrash,
  restoreVersion,
  trashItem,
  TRASH_RETENTION_DAYS,
  type Library,
} from "./library.server";
import { documentAccess, lockDocument, unlockDocument } from "./lock.server";
import {
  approveReview,
  cancelReview,
  DOCUMENT_INTENTS,
  documentActionSchema,
  getReviewInfo,
  requestReview,
  returnReview,
  reviewerCandidates,
} from "./review.server";

type Args = LoaderFunctionArgs | ActionFunctionArgs;

async function libraryFor(args: Args, action: WorkspaceAction): Promise<Library> {
  const user = await requireUser(args.request);
  return requireLibrary(user, args.params.workspaceId ?? "", action, requestMeta(args.request, args.context).ip);
}

function permissions(lib: Library) {
  const can = allowedWorkspaceActions(lib.user, { role: lib.access.role, archived: lib.access.archived });
  return {
    add: can.addContent,
    edit: can.editContent,
    delete: can.deleteContent,
    viewTrash: can.viewTrash,
    restore: can.restoreFromTrash,
    purge: can.purgeTrash,
  };
}

export type LibraryPermissions = ReturnType<typeof permissions>;

const treeOf = (folders: { id: string; name: string; parentId: string | null }[]) => folders.map((f) => ({ id: f.id, name: f.name, parentId: f.parentId }));

/**
 * A folder view (the root when `folderId` is null): a fixed number of queries whatever the depth
 * and whatever the filters. Filters (type, author, review status) narrow the files; while any is
 * on, subfolders are not listed (they have no type, author or status to match).
 */
export async function loadFolderPage(args: LoaderFunctionArgs, folderId: string | null) {
  const lib = await libraryFor(args, "view");
  const params = new URL(args.request.url).searchParams;
  const query = parseListQuery(params);
  const [folders, authors] = await Promise.all([listFolders(lib.workspaceId), listDocumentAuthors(lib.workspaceId)]);
  const folder = folderId ? folders.find((f) => f.id === folderId) : null;
  if (folderId && !folder) notFound();
  const requested = parseFolderFilters(params);
  // An author who has no files here (or an id from elsewhere) is no filter, like any unknown value.
  const filters: FolderFilters = { ...requested, author: authors.some((a) => a.id === requested.author) ? requested.author : null };
  const filtered = hasFilters(filters);
  const documents = await listFolderPage(lib.workspaceId, folderId, query, filters);
  let subfolders = query.page === 1 && !filtered ? childFolders(folders, folderId) : [];
  if (query.sort === "name" && query.dir === "desc") subfolders = [...subfolders].reverse();
  else if (query.sort === "updated") subfolders = [...subfolders].sort((a, b) => (b.updatedAt.getTime() - a.updatedAt.getTime()) * (query.dir === "asc" ? -1 : 1) || compareNames(a.name, b.name));
  return {
    workspace: { id: lib.workspaceId, name: lib.access.workspace.name },
    folder: folder ? { id: folder.id, name: folder.name, parentId: folder.parentId } : null,
    path: folderPath(folders, folderId).map((f) => ({ id: f.id, name: f.name })),
    subfolders: subfolders.map((f) => ({ id: f.id, name: f.name, updatedAt: f.updatedAt, author: f.createdBy.name })),
    documents: documents.rows.map((d) => ({
      id: d.id,
      name: d.name,
      mimeType: d.mimeType,
      size: d.size,
      status: d.status,
      currentVersion: d.currentVersion,
      updatedAt: d.updatedAt,
      author: d.createdBy.name,
      lock: d.lockedById ? { name: d.lockedBy?.name ?? "—", at: d.lockedAt ?? d.updatedAt, mine: d.lockedById === lib.user.id } : null,
    })),
    page: pageInfo(query.page, documents.total, LIST_PAGE_SIZE),
    sort: query.sort,
    dir: query.dir,
    filters,
    filtered,
    authors,
    tree: treeOf(folders),
    can: permissions(lib),
    maxBytes: getEnv().UPLOAD_MAX_MB * MB,
    /** "uploadthing": the browser sends files straight to UploadThing (useUploads). */
    uploadMode: uploadMode(),
    trashDays: TRASH_RETENTION_DAYS,
  };
}

/**
 * The file page: details, history, preview data, the review workflow (open review, last approval,
 * earlier rounds, who can be asked) and the edit lock, with what this person may do with the file.
 */
export async function loadFilePage(args: LoaderFunctionArgs) {
  const lib = await libraryFor(args, "view");
  const [doc, folders] = await Promise.all([getDocument(lib.workspaceId, args.params.documentId ?? ""), listFolders(lib.workspaceId)]);
  const { currentStorageKey, lockedById, lockedAt, lockedBy, ...document } = doc;
  const [textPreview, review] = await Promise.all([currentStorageKey ? readTextPreview(currentStorageKey, doc.mimeType) : null, getReviewInfo(doc.id)]);
  const access = documentAccess(lib, {
    status: doc.status,
    lockedById,
    reviews: review.open ? [{ reviewers: review.open.reviewers.map((r) => ({ userId: r.id })) }] : [],
  });
  const docCan = allowedDocumentActions(lib.user, access);
  const candidates = docCan.requestReview ? await reviewerCandidates(lib.workspaceId, lib.user.id) : [];
  return {
    workspace: { id: lib.workspaceId, name: lib.access.workspace.name },
    document: { ...document, versions: document.versions.map((v) => ({ ...v, author: v.createdBy.name })) },
    review: { ...review, open: review.open ? { ...review.open, isReviewer: access.isReviewer } : null },
    reviewerCandidates: candidates,
    lock: lockedById ? { name: lockedBy?.name ?? "—", at: lockedAt ?? doc.updatedAt, mine: lockedById === lib.user.id } : null,
    docCan,
    path: folderPath(folders, doc.folderId).map((f) => ({ id: f.id, name: f.name })),
    tree: treeOf(folders),
    textPreview,
    can: permissions(lib),
    maxBytes: getEnv().UPLOAD_MAX_MB * MB,
    trashDays: TRASH_RETENTION_DAYS,
  };
}

export async function loadTrashPage(args: LoaderFunctionArgs) {
  const lib = await libraryFor(args, "viewTrash");
  const { page } = pageQuerySchema.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const { rows, total } = await listTrash(lib.workspaceId, page);
  return {
    workspace: { id: lib.workspaceId, name: lib.access.workspace.name },
    rows,
    page: pageInfo(page, total, LIST_PAGE_SIZE),
    can: permissions(lib),
    trashDays: TRASH_RETENTION_DAYS,
  };
}

// ---------------------------------------------------------------------------------------------
// Actions

async function ok(toast: Toast, extra: Record<string, unknown> = {}) {
  return data({ ok: true as const, error: null, errors: null, ...extra }, { headers: { "Set-Cookie": await toastHeader(toast) } });
}

function failed(status: number, error: string | null, errors: Record<string, string | undefined> | null = null) {
  return data({ ok: false as const, error, errors }, { status });
}

const REQUIRED_ACTION: Record<string, WorkspaceAction> = {
  createFolder: "addContent",
  rename: "editContent",
  move: "editContent",
  trash: "deleteContent",
  restoreVersion: "editContent",
};

/** Folder views: new folder here, rename / move / trash an item listed here. */
export async function folderPageAction(args: ActionFunctionArgs, folderId: string | null) {
  const form = formToObject(await args.request.formData());
  const parsed = libraryActionSchema.safeParse(form);
  if (!parsed.success) {
    await requireUser(args.request);
    return failed(400, null, fieldErrors(parsed.error));
  }
  const input = parsed.data;
  const lib = await libraryFor(args, REQUIRED_ACTION[input.intent]);
  switch (input.intent) {
    case "createFolder": {
      const result = await createFolder(lib, folderId, input.name);
      return result.ok ? ok({ key: "library.folder.created", vars: { name: input.name } }) : failed(result.status, result.error);
    }
    case "rename": {
      const result = await renameItem(lib, input.kind, input.id, input.name);
      return result.ok ? ok({ key: "library.renamed", vars: { name: result.name } }) : failed(result.status, result.error);
    }
    case "move": {
      const result = await moveItem(lib, input.kind, input.id, input.targetFolderId);
      return result.ok ? ok({ key: "library.moved", vars: { name: result.name } }) : failed(result.status, result.error);
    }
    case "trash": {
      const result = await trashItem(lib, input.kind, input.id);
      return result.ok ? ok({ key: "library.trashed", vars: { name: result.name } }) : failed(result.status, result.error);
    }
  }
}

/**
 * The review workflow and the edit lock of the file page. Visibility first (404 for a workspace
 * one cannot see, whatever the form says), then the input, then the document rules inside the
 * commands (403 audited, or 409 when the file is checked out or the page is out of date).
 */
async function documentIntent(args: ActionFunctionArgs, formData: FormData, documentId: string) {
  const lib = await libraryFor(args, "view");
  const form = formToObject(formData);
  if (form.intent === "requestReview") form.reviewers = formData.getAll("reviewers").filter((v) => typeof v === "string").join(",");
  const parsed = documentActionSchema.safeParse(form);
  if (!parsed.success) return failed(400, null, fieldErrors(parsed.error));
  const input = parsed.data;
  switch (input.intent) {
    case "requestReview": {
      const result = await requestReview(lib, documentId, { reviewerIds: input.reviewers, note: input.note });
      return result.ok ? ok({ key: "library.review.requested", vars: { name: result.name, count: result.count } }) : failed(result.status, result.error);
    }
    case "cancelReview": {
      const result = await cancelReview(lib, documentId, input.comment);
      return result.ok ? ok({ key: "library.review.cancelled", vars: { name: result.name } }) : failed(result.status, result.error);
    }
    case "approve": {
      const result = await approveReview(lib, documentId, input.comment);
      return result.ok ? ok({ key: "library.review.approved", vars: { name: result.name, number: result.number } }) : failed(result.status, result.error);
    }
    case "return": {
      const result = await returnReview(lib, documentId, input.comment);
      return result.ok ? ok({ key: "library.review.returned", vars: { name: result.name } }) : failed(result.status, result.error);
    }
    case "lock": {
      const result = await lockDocument(lib, documentId);
      return result.ok ? ok({ key: "library.lock.locked", vars: { name: result.name } }) : failed(result.status, result.error);
    }
    case "unlock": {
      const result = await unlockDocument(lib, documentId);
      return result.ok ? ok({ key: "library.lock.unlocked", vars: { name: result.name } }) : failed(result.status, result.error);
    }
  }
}

/** The file page: rename, move, trash (then back to its folder), restore a version; review and lock intents. */
export async function filePageAction(args: ActionFunctionArgs) {
  const formData = await args.request.formData();
  const form = formToObject(formData);
  const documentId = args.params.documentId ?? "";
  if (DOCUMENT_INTENTS.has(form.intent ?? "")) return documentIntent(args, formData, documentId);
  if (form.intent === "restoreVersion") {
    const parsed = restoreVersionSchema.safeParse(form);
    if (!parsed.success) {
      await requireUser(args.request);
      return failed(400, null, fieldErrors(parsed.error));
    }
    const lib = await libraryFor(args, "editContent");
    const result = await restoreVersion(lib, documentId, parsed.data.number, parsed.data.note);
    return result.ok
      ? ok({ key: "library.versions.restored", vars: { number: parsed.data.number, created: result.number } })
      : failed(result.status, result.error);
  }
  // The item is always this page's file, whatever the form says.
  const parsed = libraryActionSchema.safeParse({ ...form, kind: "document", id: documentId });
  if (!parsed.success || parsed.data.intent === "createFolder") {
    await requireUser(args.request);
    return failed(400, parsed.success ? "validation.invalid" : null, parsed.success ? null : fieldErrors(parsed.error));
  }
  const input = parsed.data;
  const lib = await libraryFor(args, REQUIRED_ACTION[input.intent]);
  switch (input.intent) {
    case "rename": {
      const result = await renameItem(lib, "document", documentId, input.name);
      return result.ok ? ok({ key: "library.renamed", vars: { name: result.name } }) : failed(result.status, result.error);
    }
    case "move": {
      const result = await moveItem(lib, "document", documentId, input.targetFolderId);
      return result.ok ? ok({ key: "library.moved", vars: { name: result.name } }) : failed(result.status, result.error);
    }
    case "trash": {
      const result = await trashItem(lib, "document", documentId);
      if (!result.ok) return failed(result.status, result.error);
      return redirectWithToast(libraryUrls.folder(lib.workspaceId, result.parentId), { key: "library.trashed", vars: { name: result.name } });
    }
  }
}

/** The trash: restore (OWNER) or delete for good (OWNER). */
export async function trashPageAction(args: ActionFunctionArgs) {
  const parsed = trashItemSchema.safeParse(formToObject(await args.request.formData()));
  if (!parsed.success) {
    await requireUser(args.request);
    return failed(400, "validation.invalid");
  }
  const { intent, kind, id } = parsed.data;
  const lib = await libraryFor(args, intent === "restore" ? "restoreFromTrash" : "purgeTrash");
  if (intent === "restore") {
    const result = await restoreFromTrash(lib, kind, id);
    if (!result.ok) return failed(result.status, result.error);
    const key: MessageKey = result.toRoot ? "library.trashPage.restoredToRoot" : "library.trashPage.restored";
    return ok({ key, vars: { name: result.name } });
  }
  const result = await purgeTrashItem(lib, kind, id);
  return ok({ key: "library.trashPage.purged", vars: { name: result.name } });
}
