// The edit lock of a document ("Edytuję ten plik"): one person checks a file out, everyone sees
// who and since when, and until it is released nobody else uploads a new version, restores one,
// renames, moves or trashes it. Released by the lock's owner (explicitly, or by uploading a new
// version) or by a workspace OWNER ("Zwolnij blokadę").
//
// Also the shared glue between the document rules (document.policy.ts) and the commands: what
// the rules need to know about a document, and how a refusal is answered.
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import { documentDenial, type DocumentAccess, type DocumentAction } from "./document.policy";
import type { CommandResult, Library } from "./library.server";

export type Refusal = { ok: false; status: number; error: string };

export function refusal(status: number, key: string, vars?: Record<string, string | number>): Refusal {
  return { ok: false, status, error: vars ? `${key}|${JSON.stringify(vars)}` : key };
}

/** The action codes of the audit log (also the `permission.denied` summary, shown with its label). */
export const DOCUMENT_AUDIT_ACTION: Record<DocumentAction, string> = {
  requestReview: "library.document.review.request",
  cancelReview: "library.document.review.cancel",
  approve: "library.document.review.approve",
  return: "library.document.review.return",
  lock: "library.document.lock",
  unlock: "library.document.unlock",
  uploadVersion: "library.document.version",
  restoreVersion: "library.document.restoreVersion",
  rename: "library.document.rename",
  move: "library.document.move",
  trash: "library.document.trash",
};

const stateSelect = {
  id: true,
  name: true,
  status: true,
  currentVersion: true,
  updatedAt: true,
  lockedById: true,
  lockedAt: true,
  lockedBy: { select: { name: true } },
  // At most one review is open at a time (a review can only start from a draft).
  reviews: {
    where: { outcome: null },
    orderBy: { requestedAt: "desc" },
    take: 1,
    select: { id: true, version: true, requestedById: true, reviewers: { select: { userId: true, user: { select: { name: true } } } } },
  },
} as const;

/** What the document rules need to know about a live document of this workspace; 404 otherwise. */
export async function documentState(workspaceId: string, documentId: string, client: Tx | typeof db = db) {
  const doc = await client.document.findFirst({ where: { id: documentId, workspaceId, deletedAt: null }, select: stateSelect });
  return doc ?? notFound();
}

export type DocumentState = Awaited<ReturnType<typeof documentState>>;

type AccessFacts = Pick<DocumentState, "status" | "lockedById"> & { reviews: { reviewers: { userId: string }[] }[] };

export function documentAccess(lib: Library, state: AccessFacts): DocumentAccess {
  const open = state.reviews[0];
  return {
    role: lib.access.role,
    archived: lib.access.archived,
    isReviewer: !!open?.reviewers.some((r) => r.userId === lib.user.id),
    lockedByOther: !!state.lockedById && state.lockedById !== lib.user.id,
    lockedBySelf: state.lockedById === lib.user.id,
    status: state.status,
  };
}

/** "Plik „X” edytuje teraz Jan Kowalski…" (409). */
export function lockedRefusal(name: string, person: string | null | undefined): Refusal {
  return refusal(409, "library.lock.lockedBy", { name, person: person ?? "—" });
}

/** The answer to a denial other than "not allowed": the page was out of date, or the file is checked out. */
function conflict(lib: Library, state: DocumentState, action: DocumentAction, denial: "status" | "locked" | "notLocked"): Refusal {
  if (denial === "locked") return state.lockedById === lib.user.id ? refusal(409, "library.lock.alreadyYours", { name: state.name }) : lockedRefusal(state.name, state.lockedBy?.name);
  if (denial === "notLocked") return refusal(409, "library.lock.notLocked", { name: state.name });
  return refusal(409, action === "requestReview" ? "library.review.notDraft" : "library.review.notInReview", { name: state.name });
}

/**
 * Applies the document rules before a command: null when allowed, a 409 refusal (checked out,
 * out-of-date page), or — not allowed at all — an audited 403 thrown. Never call it inside a
 * transaction (the denial is written on its own).
 */
export async function enforceDocument(lib: Library, state: DocumentState, action: DocumentAction): Promise<Refusal | null> {
  const denial = documentDenial(lib.user, action, documentAccess(lib, state));
  if (denial === null) return null;
  if (denial === "role" || denial === "archived") {
    // Throws 403 after writing the denial to the audit log.
    await authorize(lib.user, false, { action: DOCUMENT_AUDIT_ACTION[action], entityType: "Document", entityId: state.id, ip: lib.ip });
    return refusal(403, "library.document.forbidden");
  }
  return conflict(lib, state, action, denial);
}

/**
 * The same rules inside a transaction (the state is read again there, so a lock taken a moment
 * ago counts): a refusal or null. The workspace-level check has already passed, so what is left
 * is mostly "checked out by someone else".
 */
export async function checkDocumentTx(tx: Tx, lib: Library, documentId: string, action: DocumentAction): Promise<Refusal | null> {
  const state = await documentState(lib.workspaceId, documentId, tx);
  const denial = documentDenial(lib.user, action, documentAccess(lib, state));
  if (denial === null) return null;
  if (denial === "role" || denial === "archived") return refusal(403, "library.document.forbidden");
  return conflict(lib, state, action, denial);
}

function audit(lib: Library, tx: Tx, entry: { action: string; entityId: string; summary: string; changes: Record<string, unknown> }) {
  return recordAudit({ actor: lib.user, ip: lib.ip, entityType: "Document", ...entry }, tx);
}

/** "Edytuję ten plik": checks the file out to the actor (already theirs: nothing to do). */
export async function lockDocument(lib: Library, documentId: string): Promise<CommandResult<{ name: string }>> {
  const state = await documentState(lib.workspaceId, documentId);
  if (state.lockedById === lib.user.id) return { ok: true, name: state.name };
  const refused = await enforceDocument(lib, state, "lock");
  if (refused) return refused;
  return db.$transaction(async (tx) => {
    // Only if still free; a lock is not a change of the file, so "last changed" stays.
    const { count } = await tx.document.updateMany({
      where: { id: state.id, deletedAt: null, lockedById: null },
      data: { lockedById: lib.user.id, lockedAt: new Date(), updatedAt: state.updatedAt },
    });
    if (count === 0) {
      const fresh = await documentState(lib.workspaceId, state.id, tx);
      return fresh.lockedById === lib.user.id ? { ok: true as const, name: state.name } : lockedRefusal(state.name, fresh.lockedBy?.name);
    }
    await audit(lib, tx, { action: "library.document.lock", entityId: state.id, summary: state.name, changes: { lockedBy: [null, lib.user.name] } });
    return { ok: true as const, name: state.name };
  });
}

/** "Zwolnij blokadę": by the lock's owner, or by an OWNER for anyone's lock. */
export async function unlockDocument(lib: Library, documentId: string): Promise<CommandResult<{ name: string; person: string }>> {
  const state = await documentState(lib.workspaceId, documentId);
  const refused = await enforceDocument(lib, state, "unlock");
  if (refused) return refused;
  const person = state.lockedBy?.name ?? "—";
  return db.$transaction(async (tx) => {
    const { count } = await tx.document.updateMany({
      where: { id: state.id, deletedAt: null, lockedById: state.lockedById },
      data: { lockedById: null, lockedAt: null, updatedAt: state.updatedAt },
    });
    if (count === 0) return refusal(409, "library.lock.notLocked", { name: state.name });
    const someoneElses = state.lockedById !== lib.user.id;
    await audit(lib, tx, {
      action: "library.document.unlock",
      entityId: state.id,
      summary: someoneElses ? `${state.name} — ${person}` : state.name,
      changes: { lockedBy: [person, null], lockedAt: [state.lockedAt, null] },
    });
    return { ok: true as const, name: state.name, person };
  });
}

/** After the lock's owner uploaded a new version: the lock has done its job (the caller cleared the columns). */
export async function auditLockReleasedByVersionTx(tx: Tx, lib: Library, doc: { id: string; name: string; lockedAt: Date | null }, number: number) {
  await audit(lib, tx, {
    action: "library.document.unlock",
    entityId: doc.id,
    summary: `${doc.name} — v${number}`,
    changes: { lockedBy: [lib.user.name, null], lockedAt: [doc.lockedAt, null] },
  });
}

/**
 * Files in a folder checked out by someone other than `userId`: an upload with one of these
 * names would become its new version, so it is refused before a byte is stored.
 */
export async function lockedByOthersIn(workspaceId: string, folderId: string | null, userId: string): Promise<{ name: string; person: string }[]> {
  const rows = await db.document.findMany({
    where: { workspaceId, folderId, deletedAt: null, lockedById: { not: null }, NOT: { lockedById: userId } },
    select: { name: true, lockedBy: { select: { name: true } } },
  });
  return rows.map((r) => ({ name: r.name, person: r.lockedBy?.name ?? "—" }));
}

/** A live file of a trashed folder's subtree checked out by someone else (trashing it is refused), or null. */
export async function lockedInFoldersTx(tx: Tx, lib: Library, folderIds: string[]): Promise<Refusal | null> {
  const doc = await tx.document.findFirst({
    where: { workspaceId: lib.workspaceId, folderId: { in: folderIds }, deletedAt: null, lockedById: { not: null }, NOT: { lockedById: lib.user.id } },
    select: { name: true, lockedBy: { select: { name: true } } },
  });
  return doc ? refusal(409, "library.lock.folderHasLocked", { name: doc.name, person: doc.lockedBy?.name ?? "—" }) : null;
}
