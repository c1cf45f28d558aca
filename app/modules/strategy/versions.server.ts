// Versions of a strategy draft: snapshots of the co-edited body (AUTO every 10 minutes of activity
// and when the last editor leaves — taken by collab.server.ts —, NAMED by a person, APPROVAL frozen by
// an approval, RESTORE: the state just before a restore), the history, reading one version, and
// restoring one as a new change. Nothing is ever overwritten: a restore first keeps the current
// state as a version, then rewrites the live body through the running co-editing server as an
// ordinary Yjs change (connected editors see it at once), written to the update log before it returns.
import { getSchema, type AnyExtension } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { prosemirrorJSONToYXmlFragment, yDocToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { z } from "zod";
import { pageArgs, pageInfo } from "~/modules/admin/pagination";
import { recordAudit } from "~/modules/audit/audit.server";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { db, type Tx } from "~/utils/db.server";
import { fieldErrors, type FieldErrors } from "~/utils/forms";
import type { DraftContext } from "./access.server";
import { activeCollabServer, getCollabServer } from "./collab.server";
import { COLLAB_FIELD, draftDocumentName } from "./collab-shared";
import { draftDenial, type DraftAction } from "./strategy.policy";

export type VersionKind = "AUTO" | "NAMED" | "APPROVAL" | "RESTORE";
export const VERSION_KINDS: VersionKind[] = ["AUTO", "NAMED", "APPROVAL", "RESTORE"];
export const VERSION_NAME_MAX = 120;
export const VERSION_PAGE_SIZE = 20;
/** Automatic snapshots during activity: at most this often. */
export const AUTO_SNAPSHOT_EVERY_MS = 10 * 60_000;

/**
 * The body's schema on the server: the editor's node and mark types (StrategyEditor.tsx) without the
 * browser-only collaboration extensions. Keep in step with the editor's list.
 */
export function draftExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      heading: { levels: [1, 2, 3] },
      code: false,
      codeBlock: false,
      link: { openOnClick: false, autolink: true, protocols: ["http", "https"] },
    }),
    Table.configure({ resizable: false }),
    TableRow,
    TableHeader,
    TableCell,
    Image.configure({ inline: false, allowBase64: false }),
  ];
}

let schemaCache: ReturnType<typeof getSchema> | undefined;
const draftSchema = () => (schemaCache ??= getSchema(draftExtensions()));

type Client = Tx | typeof db;

/** The body as stored: compacted state + the pending update log (what a fresh server would load). */
async function storedState(client: Client, draftId: string): Promise<{ state: Uint8Array; json: Record<string, unknown>; hasState: boolean } | null> {
  const [draft, rows] = await Promise.all([
    client.strategyDraft.findUnique({ where: { id: draftId }, select: { ydocState: true } }),
    client.strategyDraftUpdate.findMany({ where: { draftId }, orderBy: { id: "asc" }, select: { update: true } }),
  ]);
  if (!draft) return null;
  const doc = new Y.Doc();
  try {
    if (draft.ydocState) Y.applyUpdate(doc, draft.ydocState);
    for (const row of rows) Y.applyUpdate(doc, row.update);
    return { state: Y.encodeStateAsUpdate(doc), json: yDocToProsemirrorJSON(doc, COLLAB_FIELD), hasState: !!draft.ydocState || rows.length > 0 };
  } finally {
    doc.destroy();
  }
}

function wordsOf(json: Record<string, unknown>): number {
  const out: string[] = [];
  const walk = (n: { text?: string; content?: unknown[] }) => {
    if (typeof n.text === "string") out.push(n.text);
    for (const c of n.content ?? []) walk(c as typeof n);
    out.push(" ");
  };
  walk(json);
  return out
    .join("")
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export type SnapshotOptions = {
  kind: VersionKind;
  name?: string | null;
  userId?: string | null;
  /** Skip when the body equals the latest version's (default: for AUTO and RESTORE). */
  skipIfSame?: boolean;
};

/**
 * Takes a version of the body as stored now (number = the highest + 1). Returns the new version's
 * number, or null when skipped (nothing new since the latest version, or a draft never edited).
 */
export async function snapshot(draftId: string, options: SnapshotOptions, client?: Tx): Promise<{ id: string; number: number } | null> {
  const skipIfSame = options.skipIfSame ?? (options.kind === "AUTO" || options.kind === "RESTORE");
  const work = async (tx: Tx) => {
    const stored = await storedState(tx, draftId);
    if (!stored) return null;
    const latest = await tx.strategyDraftVersion.findFirst({ where: { draftId }, orderBy: { number: "desc" }, select: { number: true, contentJson: true } });
    const contentJson = JSON.stringify(stored.json);
    if (skipIfSame && (latest ? latest.contentJson === contentJson : !stored.hasState)) return null;
    const number = (latest?.number ?? 0) + 1;
    return tx.strategyDraftVersion.create({
      data: {
        draftId,
        number,
        name: options.name ?? null,
        kind: options.kind,
        ydocState: new Uint8Array(stored.state),
        contentJson,
        wordCount: wordsOf(stored.json),
        createdById: options.userId ?? null,
      },
      select: { id: true, number: true },
    });
  };
  return client ? work(client) : db.$transaction(work);
}

/** For collab.server.ts: an AUTO snapshot when the latest version is older than `everyMs` (or there is none). */
export async function autoSnapshotIfDue(draftId: string, userId: string | null, everyMs = AUTO_SNAPSHOT_EVERY_MS) {
  const latest = await db.strategyDraftVersion.findFirst({ where: { draftId }, orderBy: { number: "desc" }, select: { createdAt: true } });
  const since = latest?.createdAt ?? (await db.strategyDraft.findUnique({ where: { id: draftId }, select: { createdAt: true } }))?.createdAt;
  if (since && Date.now() - since.getTime() < everyMs) return null;
  return snapshot(draftId, { kind: "AUTO", userId });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** One page of the history, newest first: two queries whatever the page size. */
export async function listVersions(draftId: string, page: number, pageSize = VERSION_PAGE_SIZE) {
  const [total, rows] = await Promise.all([
    db.strategyDraftVersion.count({ where: { draftId } }),
    db.strategyDraftVersion.findMany({
      where: { draftId },
      orderBy: { number: "desc" },
      ...pageArgs(page, pageSize),
      select: { id: true, number: true, name: true, kind: true, wordCount: true, createdAt: true, createdBy: { select: { name: true } } },
    }),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, number: r.number, name: r.name, kind: r.kind as VersionKind, wordCount: r.wordCount, createdAt: r.createdAt, author: r.createdBy?.name ?? null })),
    page: pageInfo(page, total, pageSize),
  };
}

/** One version (404 when the draft has no such number). */
export async function getVersion(draftId: string, number: number) {
  if (!Number.isInteger(number) || number < 1) notFound();
  const row = await db.strategyDraftVersion.findUnique({
    where: { draftId_number: { draftId, number } },
    select: { id: true, number: true, name: true, kind: true, wordCount: true, contentJson: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  if (!row) notFound();
  return { ...row, kind: row.kind as VersionKind, author: row.createdBy?.name ?? null, json: JSON.parse(row.contentJson) as Record<string, unknown> };
}

/** The body now (compacted state + log), as ProseMirror JSON. */
export async function currentContent(draftId: string): Promise<Record<string, unknown>> {
  const stored = await storedState(db, draftId);
  if (!stored) notFound();
  return stored.json;
}

// ---------------------------------------------------------------------------------------------
// Commands

type Meta = { ip?: string };
export type VersionResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 409; errors: FieldErrors };

/** 403 (audited) for a missing right, 409 for a status the page did not know about. */
export async function enforceDraft(user: AuthUser, ctx: DraftContext, action: DraftAction, extra: { isReviewer?: boolean; ip?: string } = {}): Promise<"status" | null> {
  const denial = draftDenial(user, action, { ...ctx.access, status: ctx.draft.reviewStatus, isReviewer: extra.isReviewer });
  if (denial === "status") return "status";
  await authorize(user, denial === null, { action: `strategy.${action}`, entityType: "StrategyDraft", entityId: ctx.draft.id, ip: extra.ip });
  return null;
}

export const versionNameSchema = z.object({
  name: z
    .string({ required_error: "strategyVersions.name.required" })
    .trim()
    .min(1, "strategyVersions.name.required")
    .max(VERSION_NAME_MAX, `validation.tooLong|${JSON.stringify({ max: VERSION_NAME_MAX })}`),
});

/** "Zapisz wersję": a NAMED version of the body as it is now (EDITOR+). */
export async function nameVersion(user: AuthUser, ctx: DraftContext, form: Record<string, string>, meta: Meta = {}): Promise<VersionResult<{ number: number; name: string }>> {
  await enforceDraft(user, ctx, "nameVersion", { ip: meta.ip });
  const parsed = versionNameSchema.safeParse(form);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  const { name } = parsed.data;
  const created = await db.$transaction(async (tx) => {
    const v = await snapshot(ctx.draft.id, { kind: "NAMED", name, userId: user.id, skipIfSame: false }, tx);
    if (!v) notFound();
    await recordAudit(
      { actor: user, action: "strategy.version.create", entityType: "StrategyDraft", entityId: ctx.draft.id, summary: `${ctx.draft.title} — ${name}`, changes: { version: [null, v.number], name: [null, name] }, ip: meta.ip },
      tx,
    );
    return v;
  });
  return { ok: true, value: { number: created.number, name } };
}

/**
 * "Przywróć": keeps the current state as a RESTORE version (unless the latest version already is
 * it), then makes the body equal to version `number` as a new change through the running
 * co-editing server, durable in the update log and compacted before this returns.
 */
export async function restoreVersion(user: AuthUser, ctx: DraftContext, number: number, meta: Meta = {}): Promise<VersionResult<{ number: number; keptAs: number | null }>> {
  await enforceDraft(user, ctx, "restoreVersion", { ip: meta.ip });
  const draftId = ctx.draft.id;
  const version = await getVersion(draftId, number);
  const kept = await snapshot(draftId, { kind: "RESTORE", userId: user.id });
  const pmDoc = draftSchema().nodeFromJSON(version.json);

  const collab = activeCollabServer() ?? getCollabServer();
  const connection = await collab.hocuspocus.openDirectConnection(draftDocumentName(draftId), { user, sessionId: "", draftId, access: "edit", checkedAt: Date.now() });
  try {
    const doc = connection.document;
    if (!doc) throw new Error("direct connection closed");
    const updates: Uint8Array[] = [];
    const onUpdate = (update: Uint8Array) => updates.push(update);
    doc.on("update", onUpdate);
    try {
      await connection.transact((d) => {
        prosemirrorJSONToYXmlFragment(draftSchema(), pmDoc.toJSON(), d.getXmlFragment(COLLAB_FIELD));
      });
    } finally {
      doc.off("update", onUpdate);
    }
    // Durable at once: the change goes to the log like any acknowledged edit.
    if (updates.length) await db.strategyDraftUpdate.create({ data: { draftId, update: new Uint8Array(Y.mergeUpdates(updates)), userId: user.id } });
  } finally {
    await connection.disconnect();
  }
  await collab.compact(draftId);
  await recordAudit({
    actor: user,
    action: "strategy.version.restore",
    entityType: "StrategyDraft",
    entityId: draftId,
    summary: `${ctx.draft.title} — ${version.name ?? `#${version.number}`}`,
    changes: { restored: [null, version.number], ...(kept ? { keptAs: [null, kept.number] } : {}) },
    ip: meta.ip,
  });
  return { ok: true, value: { number: version.number, keptAs: kept?.number ?? null } };
}
