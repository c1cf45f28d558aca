// Real-time co-editing of strategy drafts: a Hocuspocus instance (no HTTP listener of its own) that
// server.ts feeds with the WebSocket upgrades of /collab on the app's one HTTP server.
//
// - Who: the Lucia session cookie of the upgrade request (and a same-origin check); per document
//   (`strategy:<draftId>`) access from access.server.ts — no access: refused; VIEWER (or an archived
//   workspace): a read-only connection, whose writes Hocuspocus answers "not synced" and never applies.
// - Every write is re-authorised (the decision cached ≤ WRITE_RECHECK_MS), and every open connection
//   is re-checked every RECHECK_MS: a signed-out session, a removed member, a lowered role or a
//   trashed draft ends the connection.
// - Durability: each incoming update is appended to StrategyDraftUpdate in `beforeSync`, which
//   Hocuspocus awaits before it applies the update and acknowledges it (SyncStatus) to the client —
//   so an edit the provider counts as synced is already on disk. Compaction (debounced, on the last
//   disconnect, on shutdown) folds the log into StrategyDraft.ydocState in one transaction.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, type Connection, type Document } from "@hocuspocus/server";
import { yDocToProsemirrorJSON } from "@tiptap/y-tiptap";
import { WebSocketServer, type WebSocket } from "ws";
import * as Y from "yjs";
import { recordAudit } from "~/modules/audit/audit.server";
import { lucia, SESSION_COOKIE, type AuthUser } from "~/modules/auth/session.server";
import { refreshDraftIndex } from "~/modules/search/search.server";
import { db } from "~/utils/db.server";
import { collabAccess } from "./access.server";
import { AUTO_SNAPSHOT_EVERY_MS, autoSnapshotIfDue, snapshot } from "./versions.server";
import { caretColour, COLLAB_FIELD, COLLAB_PATH, countWords, draftIdFromDocumentName, plainTextOf } from "./collab-shared";

type Log = (level: "info" | "warn" | "error", message: string, data?: Record<string, unknown>) => void;

export type CollabOptions = {
  /** Re-check of every open connection (ms). */
  recheckMs?: number;
  /** How long a write's access decision may be reused (ms). */
  writeRecheckMs?: number;
  /** Compaction debounce and its upper bound (ms). */
  debounceMs?: number;
  maxDebounceMs?: number;
  /** Take the host from X-Forwarded-Host for the origin check (TRUST_PROXY=true). */
  trustProxy?: boolean;
  log?: Log;
  /** Automatic snapshots during activity: at most this often (ms; versions.server.ts). */
  autoSnapshotMs?: number;
};

type Ctx = {
  user: AuthUser;
  sessionId: string;
  draftId?: string;
  access?: "edit" | "view";
  checkedAt?: number;
};

const EDIT_AUDIT_EVERY_MS = 10 * 60_000;
/** Yjs sync message types (y-protocols/sync). */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Refusal thrown from hooks: no `message`, so Hocuspocus does not log it as an error. */
const refusal = (reason: string) => ({ reason });

export type CollabServer = ReturnType<typeof createCollabServer>;

export function createCollabServer(options: CollabOptions = {}) {
  const recheckMs = options.recheckMs ?? 10_000;
  const writeRecheckMs = Math.min(options.writeRecheckMs ?? 5_000, 5_000);
  const log: Log = options.log ?? (() => {});
  const lastEditAudit = new Map<string, number>();

  /** The person behind a session now (null: signed out, expired, deactivated). */
  async function currentUser(sessionId: string): Promise<AuthUser | null> {
    try {
      const { user } = await lucia.validateSession(sessionId);
      return (user as AuthUser | null) ?? null;
    } catch {
      return null;
    }
  }

  /** Fresh decision for a connection's context: "edit", "view" or null. */
  async function decide(ctx: Ctx): Promise<"edit" | "view" | null> {
    if (!ctx.draftId) return null;
    const user = await currentUser(ctx.sessionId);
    if (!user || user.id !== ctx.user.id) return null;
    ctx.user = user;
    return collabAccess(user, ctx.draftId);
  }

  function auditEdit(user: AuthUser, draftId: string) {
    const key = `${user.id}:${draftId}`;
    const now = Date.now();
    const last = lastEditAudit.get(key);
    if (last !== undefined && now - last < EDIT_AUDIT_EVERY_MS) return;
    lastEditAudit.set(key, now);
    void (async () => {
      // After a restart the memory is empty: the log itself says whether this person was just here.
      if (last === undefined) {
        const recent = await db.auditLog.findFirst({
          where: { action: "strategy.edit", entityId: draftId, actorId: user.id, createdAt: { gte: new Date(now - EDIT_AUDIT_EVERY_MS) } },
          select: { id: true },
        });
        if (recent) return;
      }
      const draft = await db.strategyDraft.findUnique({ where: { id: draftId }, select: { title: true } });
      await recordAudit({ actor: user, action: "strategy.edit", entityType: "StrategyDraft", entityId: draftId, summary: draft?.title ?? "" });
    })().catch((error) => log("error", "strategy.edit audit failed", { error: String(error) }));
  }

  /**
   * Folds the update log into ydocState and refreshes the derived fields, in one transaction. When
   * the body changed: lastEditAt, an APPROVED draft becomes a DRAFT again (the approved version
   * stays), and an AUTO version if the latest is older than `autoSnapshotMs` (versions.server.ts).
   */
  async function compact(draftId: string) {
    const changed = await db.$transaction(async (tx) => {
      const draft = await tx.strategyDraft.findUnique({ where: { id: draftId }, select: { ydocState: true, contentJson: true, reviewStatus: true, title: true } });
      if (!draft) return null;
      const rows = await tx.strategyDraftUpdate.findMany({ where: { draftId }, orderBy: { id: "asc" }, select: { id: true, update: true, userId: true } });
      if (rows.length === 0) return null;
      // Built from what is on disk (not the in-memory document), so only rows that are in the new
      // state are deleted, whatever arrives meanwhile.
      const doc = new Y.Doc();
      try {
        if (draft.ydocState) Y.applyUpdate(doc, draft.ydocState);
        for (const row of rows) Y.applyUpdate(doc, row.update);
        const json = yDocToProsemirrorJSON(doc, COLLAB_FIELD);
        const text = plainTextOf(json);
        const lastWriter = [...rows].reverse().find((r) => r.userId)?.userId;
        const contentJson = JSON.stringify(json);
        const bodyChanged = contentJson !== (draft.contentJson ?? JSON.stringify({ type: "doc", content: [{ type: "paragraph" }] }));
        const reopen = bodyChanged && draft.reviewStatus === "APPROVED";
        await tx.strategyDraft.update({
          where: { id: draftId },
          data: {
            ydocState: new Uint8Array(Y.encodeStateAsUpdate(doc)),
            contentJson,
            contentText: text,
            wordCount: countWords(text),
            ...(lastWriter ? { updatedById: lastWriter } : {}),
            updatedAt: new Date(),
            ...(bodyChanged ? { lastEditAt: new Date() } : {}),
            ...(reopen ? { reviewStatus: "DRAFT", version: { increment: 1 } } : {}),
          },
        });
        await tx.strategyDraftUpdate.deleteMany({ where: { draftId, id: { lte: rows[rows.length - 1].id } } });
        if (reopen) {
          // "Changing an approved document starts a new draft version; the approved version stays."
          const writer = lastWriter ? await tx.user.findUnique({ where: { id: lastWriter }, select: { id: true, email: true, institutionId: true } }) : null;
          await recordAudit({ actor: writer, action: "strategy.review.reopen", entityType: "StrategyDraft", entityId: draftId, summary: draft.title, changes: { reviewStatus: ["APPROVED", "DRAFT"] } }, tx);
        }
        return bodyChanged ? { lastWriter: lastWriter ?? null } : null;
      } finally {
        doc.destroy();
      }
    });
    if (changed) await refreshDraftIndex(draftId);
    if (changed) await autoSnapshotIfDue(draftId, changed.lastWriter, options.autoSnapshotMs ?? AUTO_SNAPSHOT_EVERY_MS);
  }

  const hocuspocus = new Hocuspocus<Ctx>({
    name: "razem-collab",
    quiet: true,
    debounce: options.debounceMs ?? 2_000,
    maxDebounce: options.maxDebounceMs ?? 10_000,
    unloadImmediately: true,

    async onAuthenticate({ documentName, context, connectionConfig }) {
      const draftId = draftIdFromDocumentName(documentName);
      if (!draftId || !context.user) throw refusal("permission-denied");
      const access = await collabAccess(context.user, draftId);
      if (!access) throw refusal("permission-denied");
      connectionConfig.readOnly = access !== "edit";
      return { draftId, access, checkedAt: Date.now() };
    },

    async onLoadDocument({ document, documentName }) {
      const draftId = draftIdFromDocumentName(documentName);
      if (!draftId) throw refusal("permission-denied");
      const [draft, rows] = await Promise.all([
        db.strategyDraft.findUnique({ where: { id: draftId }, select: { ydocState: true } }),
        db.strategyDraftUpdate.findMany({ where: { draftId }, orderBy: { id: "asc" }, select: { update: true } }),
      ]);
      if (!draft) throw refusal("permission-denied");
      if (draft.ydocState) Y.applyUpdate(document, draft.ydocState);
      for (const row of rows) Y.applyUpdate(document, row.update);
    },

    // Awaited by Hocuspocus before the update is applied and acknowledged to the client.
    async beforeSync({ connection, type, payload, context, document }) {
      if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return;
      // Read-only: Hocuspocus answers "not synced" and applies nothing; nothing is stored either.
      if (connection.readOnly) return;
      if (!context.checkedAt || Date.now() - context.checkedAt > writeRecheckMs) {
        const access = await decide(context);
        context.access = access ?? undefined;
        context.checkedAt = Date.now();
        if (access !== "edit") {
          endConnection(connection, document);
          throw { code: 4403, reason: "access-revoked" };
        }
      }
      // A reconnecting client's step 2 often carries nothing new: no row for it.
      if (payload.length <= 2 || Y.snapshotContainsUpdate(Y.snapshot(document), payload)) return;
      await db.strategyDraftUpdate.create({ data: { draftId: context.draftId!, update: new Uint8Array(payload), userId: context.user.id } });
      auditEdit(context.user, context.draftId!);
    },

    // Names and colours in the presence list come from the session, not from what a client claims.
    async beforeHandleAwareness({ states, context }) {
      if (!context?.user) return;
      for (const state of states.values()) {
        if (state && typeof state === "object") {
          state.user = { id: context.user.id, name: context.user.name, color: caretColour(context.user.id) };
        }
      }
    },

    async onStoreDocument({ documentName }) {
      const draftId = draftIdFromDocumentName(documentName);
      if (draftId) await compact(draftId);
    },

    // The last connection left and the final compaction is done (Hocuspocus unloads only then): an
    // AUTO version of the final state, by its last writer (skipped when nothing is new).
    async afterUnloadDocument({ documentName }) {
      const draftId = draftIdFromDocumentName(documentName);
      if (!draftId) return;
      try {
        const draft = await db.strategyDraft.findUnique({ where: { id: draftId }, select: { updatedById: true } });
        if (draft) await snapshot(draftId, { kind: "AUTO", userId: draft.updatedById });
      } catch (error) {
        log("error", "strategy auto snapshot failed", { draftId, error: String(error) });
      }
    },
  });

  /** Ends connections whose access is gone (or no longer allows what the connection does). */
  async function recheckAll() {
    const checks: Promise<void>[] = [];
    for (const document of hocuspocus.documents.values()) {
      for (const connection of document.connections.keys()) {
        const ctx = connection.context as Ctx;
        checks.push(
          decide(ctx).then((access) => {
            ctx.checkedAt = Date.now();
            ctx.access = access ?? undefined;
            const allowed = access === "edit" || (access === "view" && connection.readOnly);
            if (!allowed) endConnection(connection, document);
          }),
        );
      }
    }
    await Promise.allSettled(checks);
  }

  function endConnection(connection: Connection, document: Document) {
    connection.readOnly = true;
    log("info", "collab connection ended: access changed", { document: document.name, userId: (connection.context as Ctx).user?.id });
    connection.close({ code: 4403, reason: "access-revoked" });
    try {
      connection.webSocket.close(4403, "access-revoked");
    } catch {
      /* already closed */
    }
  }

  const recheckTimer = setInterval(() => void recheckAll(), recheckMs);
  recheckTimer.unref();

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });

  function refuseUpgrade(socket: Duplex, status: 401 | 403 | 404, text: string) {
    socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  }

  function hostOf(req: IncomingMessage): string {
    const forwarded = req.headers["x-forwarded-host"];
    if (options.trustProxy && typeof forwarded === "string" && forwarded) return forwarded.split(",")[0].trim();
    return String(req.headers.host ?? "");
  }

  /** Browsers always send Origin on a WebSocket: a foreign (or "null") one is refused. */
  function isForeignOrigin(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return false;
    if (origin === "null") return true;
    try {
      return new URL(origin).host !== hostOf(req);
    } catch {
      return true;
    }
  }

  let closing = false;

  /** For server.ts: take over an HTTP upgrade of /collab (anything else is refused). */
  async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on("error", () => socket.destroy());
    const path = (req.url ?? "").split("?")[0];
    if (path !== COLLAB_PATH || closing) return refuseUpgrade(socket, 404, "Not Found");
    if (isForeignOrigin(req)) return refuseUpgrade(socket, 403, "Forbidden");
    const sessionId = lucia.readSessionCookie(req.headers.cookie ?? "");
    const user = sessionId ? await currentUser(sessionId) : null;
    if (!sessionId || !user) return refuseUpgrade(socket, 401, "Unauthorized");
    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(`http://${hostOf(req) || "localhost"}${req.url ?? COLLAB_PATH}`, { headers });
      const client = hocuspocus.handleConnection(ws, request, { user, sessionId });
      ws.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => {
        const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
        client.handleMessage(new Uint8Array(bytes));
      });
      ws.on("close", (code: number, reason: Buffer) => client.handleClose({ code, reason: reason.toString() }));
      ws.on("error", (error) => log("warn", "collab socket error", { error: error.message }));
    });
  }

  /** Shutdown: stop taking connections, compact every open document, close the sockets. */
  async function destroy(timeoutMs = 5_000) {
    closing = true;
    clearInterval(recheckTimer);
    const names = [...hocuspocus.documents.keys()];
    hocuspocus.closeConnections();
    hocuspocus.flushPendingStores();
    for (const ws of wss.clients) ws.close(1001, "server-shutdown");
    const deadline = Date.now() + timeoutMs;
    while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    // Whatever is still in the log (a document that could not unload in time) is folded in now.
    for (const name of names) {
      const draftId = draftIdFromDocumentName(name);
      if (draftId) await compact(draftId).catch((error) => log("error", "collab compaction failed", { draftId, error: String(error) }));
    }
    for (const ws of wss.clients) ws.terminate();
    wss.close();
    if (active === self) active = undefined;
  }

  const self = { hocuspocus, handleUpgrade, destroy, recheckAll, compact, cookieName: SESSION_COOKIE };
  active = self;
  return self;
}

/** The co-editing server of this process that takes the WebSocket upgrades (the latest one created). */
let active: CollabServer | undefined;

/** For routes (a restore goes through the running instance so connected editors see it). */
export function activeCollabServer(): CollabServer | undefined {
  return active;
}

let shared: CollabServer | undefined;

/** The process's co-editing server (created on first use). */
export function getCollabServer(options?: CollabOptions): CollabServer {
  shared ??= createCollabServer(options);
  return shared;
}

/** `httpServer.on("upgrade", handleCollabUpgrade)` with the process's shared instance. */
export function handleCollabUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
  return getCollabServer().handleUpgrade(req, socket, head);
}
