// Strategy drafts: the list and the commands around the co-edited body (create, rename, trash,
// restore). The body itself is written by the co-editing server (collab.server.ts). Every command is
// authorised first (404 when invisible, audited 403 when not allowed) and writes in one transaction
// together with its audit entry.
import type { Prisma } from "~/generated/prisma/client";
import { pageArgs, pageInfo } from "~/modules/admin/pagination";
import { recordAudit } from "~/modules/audit/audit.server";
import type { Actor } from "~/modules/auth/actor";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { refreshDraftIndex } from "~/modules/search/search.server";
import { requireWorkspace } from "~/modules/workspaces/access.server";
import { db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { loadDraftAccess, requireDraft } from "./access.server";
import { canCreateDraft, canDraft } from "./strategy.policy";
import type { DraftCreateInput, DraftRenameInput } from "./strategy.schema";

type Meta = { ip?: string };

export type CommandResult<T = unknown> = { ok: true; value: T } | { ok: false; status: 400 | 409; errors: FieldErrors };
const ok = <T>(value: T): CommandResult<T> => ({ ok: true, value });
const fail = (errors: FieldErrors, status: 400 | 409 = 400): CommandResult<never> => ({ ok: false, status, errors });

export const DRAFT_LIST_PAGE_SIZE = 20;

/**
 * One page of a workspace's drafts (not trashed), newest change first: two queries whatever the
 * page size (the count and the page with its last editor). The caller has checked the workspace.
 */
export async function listDrafts(workspaceId: string, page: number, pageSize = DRAFT_LIST_PAGE_SIZE) {
  const where: Prisma.StrategyDraftWhereInput = { workspaceId, deletedAt: null };
  const [total, rows] = await Promise.all([
    db.strategyDraft.count({ where }),
    db.strategyDraft.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      ...pageArgs(page, pageSize),
      select: {
        id: true,
        title: true,
        wordCount: true,
        reviewStatus: true,
        updatedAt: true,
        updatedBy: { select: { name: true } },
      },
    }),
  ]);
  return { items: rows, page: pageInfo(page, total, pageSize) };
}

/** The workspace's drafts in the trash, newest first (restorable by an OWNER or their creator). */
export async function listTrashedDrafts(workspaceId: string, page: number, pageSize = DRAFT_LIST_PAGE_SIZE) {
  const where: Prisma.StrategyDraftWhereInput = { workspaceId, deletedAt: { not: null } };
  const [total, rows] = await Promise.all([
    db.strategyDraft.count({ where }),
    db.strategyDraft.findMany({
      where,
      orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
      ...pageArgs(page, pageSize),
      select: { id: true, title: true, wordCount: true, deletedAt: true, createdById: true, deletedBy: { select: { name: true } } },
    }),
  ]);
  return { items: rows, page: pageInfo(page, total, pageSize) };
}

/** The editor page: the draft with who changed it last. */
export async function getDraftForEditor(actor: Actor, workspaceId: string, draftId: string) {
  const ctx = await loadDraftAccess(actor, draftId, { workspaceId });
  const row = await db.strategyDraft.findUniqueOrThrow({
    where: { id: draftId },
    select: { wordCount: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  return { ...ctx, details: row };
}

export async function createDraft(actor: AuthUser, workspaceId: string, input: DraftCreateInput, meta: Meta): Promise<CommandResult<{ id: string }>> {
  const ws = await requireWorkspace(actor, workspaceId, "view", meta.ip);
  await authorize(actor, canCreateDraft(actor, ws), { action: "strategy.create", entityType: "Workspace", entityId: workspaceId, ip: meta.ip });
  const id = await db.$transaction(async (tx) => {
    const row = await tx.strategyDraft.create({
      data: { workspaceId, title: input.title, createdById: actor.id, updatedById: actor.id },
      select: { id: true },
    });
    await recordAudit({ actor, action: "strategy.create", entityType: "StrategyDraft", entityId: row.id, summary: input.title, ip: meta.ip }, tx);
    return row.id;
  });
  await refreshDraftIndex(id);
  return ok({ id });
}

/** Renames the draft; `version` is what the form started from: a save in between gives 409. */
export async function renameDraft(actor: AuthUser, draftId: string, input: DraftRenameInput, meta: Meta & { workspaceId?: string }): Promise<CommandResult<{ changed: boolean }>> {
  const ctx = await requireDraft(actor, draftId, "rename", { workspaceId: meta.workspaceId, ip: meta.ip });
  if (ctx.draft.version !== input.version) return fail({ _form: "strategy.form.conflict" }, 409);
  if (ctx.draft.title === input.title) return ok({ changed: false });
  const result = await db.$transaction(async (tx): Promise<CommandResult<{ changed: boolean }>> => {
    const saved = await tx.strategyDraft.updateMany({
      where: { id: draftId, version: input.version, deletedAt: null },
      data: { title: input.title, version: { increment: 1 }, updatedById: actor.id },
    });
    if (saved.count === 0) return fail({ _form: "strategy.form.conflict" }, 409);
    await recordAudit(
      { actor, action: "strategy.rename", entityType: "StrategyDraft", entityId: draftId, summary: input.title, changes: { title: [ctx.draft.title, input.title] }, ip: meta.ip },
      tx,
    );
    return ok({ changed: true });
  });
  await refreshDraftIndex(draftId);
  return result;
}

/** To the trash: open editors lose the connection at the next access re-check. */
export async function trashDraft(actor: AuthUser, draftId: string, meta: Meta & { workspaceId?: string }): Promise<{ title: string; workspaceId: string }> {
  const ctx = await requireDraft(actor, draftId, "trash", { workspaceId: meta.workspaceId, ip: meta.ip });
  await db.$transaction(async (tx) => {
    const saved = await tx.strategyDraft.updateMany({
      where: { id: draftId, deletedAt: null },
      data: { deletedAt: new Date(), deletedById: actor.id, version: { increment: 1 } },
    });
    if (saved.count === 0) notFound();
    await recordAudit({ actor, action: "strategy.trash", entityType: "StrategyDraft", entityId: draftId, summary: ctx.draft.title, ip: meta.ip }, tx);
  });
  await refreshDraftIndex(draftId);
  return { title: ctx.draft.title, workspaceId: ctx.draft.workspaceId };
}

export async function restoreDraft(actor: AuthUser, draftId: string, meta: Meta): Promise<{ title: string; workspaceId: string }> {
  const ctx = await loadDraftAccess(actor, draftId, { trashed: true });
  await authorize(actor, canDraft(actor, "restore", ctx.access), { action: "strategy.restore", entityType: "StrategyDraft", entityId: draftId, ip: meta.ip });
  await db.$transaction(async (tx) => {
    const saved = await tx.strategyDraft.updateMany({
      where: { id: draftId, deletedAt: { not: null } },
      data: { deletedAt: null, deletedById: null, version: { increment: 1 } },
    });
    if (saved.count === 0) notFound();
    await recordAudit({ actor, action: "strategy.restore", entityType: "StrategyDraft", entityId: draftId, summary: ctx.draft.title, ip: meta.ip }, tx);
  });
  await refreshDraftIndex(draftId);
  return { title: ctx.draft.title, workspaceId: ctx.draft.workspaceId };
}
