// Co-editing of strategy drafts against a real HTTP server, a real Hocuspocus instance and the
// per-file SQLite database, with real sessions: propagation, persistence across a restart, the
// durability of acknowledged edits, read-only viewers (raw protocol), refusal of outsiders, access
// revoked while connected, and the routes' 404/403/409.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "~/utils/db.server";
import { createCollabServer, type CollabServer } from "~/modules/strategy/collab.server";
import { strategySetup } from "../strategy-fixtures";
import * as listRoute from "~/routes/_app.przestrzenie.$workspaceId.strategie._index";
import * as editorRoute from "~/routes/_app.przestrzenie.$workspaceId.strategie.$draftId";
import { makeRequest, run } from "../http";
import { countStatements } from "../query-count";
import { connectProvider, rawClient, textOf, textOfStored, typeParagraph, upgradeOutcome, waitFor } from "../collab-client";

type Running = { server: http.Server; collab: CollabServer; url: string; origin: string };
let running: Running | undefined;
const cleanups: (() => void)[] = [];

async function startServer(options: Parameters<typeof createCollabServer>[0] = {}): Promise<Running> {
  const collab = createCollabServer({ recheckMs: 300, debounceMs: 200, maxDebounceMs: 1_000, ...options });
  const server = http.createServer((_req, res) => res.end());
  server.on("upgrade", (req, socket, head) => void collab.handleUpgrade(req, socket, head));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  running = { server, collab, url: `ws://127.0.0.1:${port}/collab`, origin: `http://127.0.0.1:${port}` };
  return running;
}

/** A "restart" on the same port: the old instance shuts down, a new one takes the upgrades. */
async function restartCollab(r: Running, options: Parameters<typeof createCollabServer>[0] = {}) {
  await r.collab.destroy();
  r.server.removeAllListeners("upgrade");
  r.collab = createCollabServer({ recheckMs: 300, debounceMs: 200, ...options });
  r.server.on("upgrade", (req, socket, head) => void r.collab.handleUpgrade(req, socket, head));
}

afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
  if (running) {
    await running.collab.destroy();
    await new Promise((r) => running!.server.close(() => r(undefined)));
    running.server.closeAllConnections();
    running = undefined;
  }
});

/** A workspace of institution A with an owner, an editor, a viewer; B's member is an outsider. */
const setup = () => strategySetup();

async function stored(draftId: string) {
  const draft = await db.strategyDraft.findUniqueOrThrow({ where: { id: draftId } });
  const updates = await db.strategyDraftUpdate.findMany({ where: { draftId }, orderBy: { id: "asc" } });
  return { draft, updates, text: textOfStored(draft.ydocState, updates.map((u) => u.update)) };
}

function connect(r: Running, draftId: string, cookie: string) {
  const c = connectProvider(r.url, draftId, { cookie, origin: r.origin });
  cleanups.push(c.close);
  return c;
}

const synced = (c: ReturnType<typeof connectProvider>) => waitFor(() => c.provider.isSynced && !c.provider.hasUnsyncedChanges, { message: "synced" });

describe("co-editing a strategy draft", () => {
  it("an editor's typing reaches a second client and survives a restart of the server", async () => {
    const { owner, editor, draft } = await setup();
    const r = await startServer();
    const one = connect(r, draft.id, editor.cookie);
    const two = connect(r, draft.id, owner.cookie);
    await synced(one);
    await synced(two);
    typeParagraph(one.doc, "Cel 1: nowe miejsca pracy po zamknięciu kopalni");
    await waitFor(() => textOf(two.doc).includes("Cel 1: nowe miejsca pracy"), { message: "propagation" });
    await synced(one);

    one.close();
    two.close();
    await restartCollab(r);
    // The shutdown compacted the log into the draft and refreshed the derived fields.
    const after = await stored(draft.id);
    expect(after.updates).toHaveLength(0);
    expect(after.draft.ydocState).not.toBeNull();
    expect(after.draft.contentText).toBe("Cel 1: nowe miejsca pracy po zamknięciu kopalni");
    expect(after.draft.wordCount).toBe(8);
    expect(JSON.parse(after.draft.contentJson ?? "{}")).toMatchObject({ type: "doc", content: [{ type: "paragraph" }] });
    expect(after.draft.updatedById).toBe(editor.user.id);

    const three = connect(r, draft.id, owner.cookie);
    await synced(three);
    expect(textOf(three.doc)).toBe("Cel 1: nowe miejsca pracy po zamknięciu kopalni");

    // One "strategy.edit" audit entry for the person, not one per keystroke.
    typeParagraph(three.doc, "Drugi akapit");
    await synced(three);
    typeParagraph(three.doc, "Trzeci akapit");
    await synced(three);
    await waitFor(async () => (await db.auditLog.count({ where: { action: "strategy.edit", actorId: owner.user.id } })) === 1, { message: "edit audit" });
    await new Promise((res) => setTimeout(res, 100));
    expect(await db.auditLog.count({ where: { action: "strategy.edit", entityId: draft.id } })).toBe(2);
  });

  it("an edit the provider reports as synced is already in the database (no store, no flush)", async () => {
    const { editor, draft } = await setup();
    // Compaction far away: whatever is on disk got there before the acknowledgement.
    const r = await startServer({ debounceMs: 600_000, maxDebounceMs: 600_000 });
    const one = connect(r, draft.id, editor.cookie);
    await synced(one);
    for (let i = 1; i <= 5; i++) {
      typeParagraph(one.doc, `Akapit ${i}`);
      await synced(one);
      // Read at once, as if the process had been killed (-9) now.
      const now = await stored(draft.id);
      expect(now.draft.ydocState).toBeNull();
      expect(now.text.split("\n")).toContain(`Akapit ${i}`);
    }
    const final = await stored(draft.id);
    expect(final.text).toBe(textOf(one.doc));
    expect(final.updates.length).toBeGreaterThanOrEqual(5);
  });

  it("a VIEWER's hand-built update over a raw socket is rejected: not applied, not stored, not relayed", async () => {
    const { editor, viewer, draft } = await setup();
    // No compaction during the test: the update log shows exactly what was stored.
    const r = await startServer({ debounceMs: 600_000, maxDebounceMs: 600_000 });
    const one = connect(r, draft.id, editor.cookie);
    await synced(one);
    typeParagraph(one.doc, "Tekst redakcji");
    await synced(one);
    const before = await stored(draft.id);

    const raw = await rawClient(r.url, draft.id, { Cookie: viewer.cookie, Origin: r.origin });
    raw.authenticate();
    await waitFor(() => raw.replies.find((m) => m.authScope), { message: "authenticated" });
    expect(raw.replies.find((m) => m.authScope)?.authScope).toBe("readonly");

    const forged = new Y.Doc();
    typeParagraph(forged, "WŁAMANIE");
    raw.sendUpdate(Y.encodeStateAsUpdate(forged));
    await waitFor(() => raw.replies.find((m) => m.syncSaved !== undefined), { message: "sync status" });
    expect(raw.replies.find((m) => m.syncSaved !== undefined)?.syncSaved).toBe(false);
    await new Promise((res) => setTimeout(res, 300));

    expect(textOf(one.doc)).toBe("Tekst redakcji");
    const serverDoc = r.collab.hocuspocus.documents.get(`strategy:${draft.id}`)!;
    expect(textOf(serverDoc)).toBe("Tekst redakcji");
    const after = await stored(draft.id);
    expect(after.updates.length).toBe(before.updates.length);
    expect(after.updates.some((u) => u.userId === viewer.user.id)).toBe(false);
    expect(after.text).toBe("Tekst redakcji");
    raw.ws.close();
  });

  it("refuses outsiders, visitors and foreign origins at connect", async () => {
    const { outsider, editor, draft } = await setup();
    const r = await startServer();
    expect(await upgradeOutcome(r.url, { Origin: r.origin })).toBe(401);
    expect(await upgradeOutcome(r.url, { Cookie: editor.cookie, Origin: "http://evil.example" })).toBe(403);
    expect(await upgradeOutcome(r.url.replace("/collab", "/inne"), { Cookie: editor.cookie, Origin: r.origin })).toBe(404);

    const raw = await rawClient(r.url, draft.id, { Cookie: outsider.cookie, Origin: r.origin });
    raw.authenticate();
    const denied = await waitFor(() => raw.replies.find((m) => m.authDenied), { message: "denied" });
    expect(denied?.authDenied).toBe("permission-denied");
    expect(r.collab.hocuspocus.getDocumentsCount()).toBe(0);
    raw.ws.close();

    // A trashed draft is refused even to its editor.
    await db.strategyDraft.update({ where: { id: draft.id }, data: { deletedAt: new Date() } });
    const c = connect(r, draft.id, editor.cookie);
    await waitFor(() => new Promise<boolean>((res) => c.provider.on("authenticationFailed", () => res(true))), { message: "authenticationFailed" });
    expect(c.provider.isSynced).toBe(false);
  });

  it("ends the connection of a member removed while connected, within the re-check period", async () => {
    const { editor, workspace, draft } = await setup();
    const r = await startServer({ recheckMs: 300 });
    const one = connect(r, draft.id, editor.cookie);
    await synced(one);
    const closed = new Promise<number>((res) => one.provider.on("close", () => res(Date.now())));
    const removedAt = Date.now();
    await db.workspaceMember.deleteMany({ where: { workspaceId: workspace.id, userId: editor.user.id } });
    const at = await closed;
    expect(at - removedAt).toBeLessThan(1_500);
    await waitFor(() => r.collab.hocuspocus.getConnectionsCount() === 0, { message: "server side gone" });
    // Reconnecting does not help: the provider is refused.
    await waitFor(() => new Promise<boolean>((res) => one.provider.on("authenticationFailed", () => res(true))), { message: "refused again" });
  });

  it("a lowered role ends the connection; the reconnection is read-only and its writes are not stored", async () => {
    const { editor, workspace, draft } = await setup();
    const r = await startServer({ recheckMs: 300, debounceMs: 600_000, maxDebounceMs: 600_000 });
    const one = connect(r, draft.id, editor.cookie);
    await synced(one);
    expect(one.provider.authorizedScope).toBe("read-write");
    const closed = new Promise<boolean>((res) => one.provider.on("close", () => res(true)));
    await db.workspaceMember.updateMany({ where: { workspaceId: workspace.id, userId: editor.user.id }, data: { role: "VIEWER" } });
    expect(await closed).toBe(true);
    await waitFor(() => one.provider.isAuthenticated && one.provider.authorizedScope === "readonly", { message: "read-only reconnection" });
    typeParagraph(one.doc, "Po odebraniu uprawnień");
    await new Promise((res) => setTimeout(res, 400));
    expect(await db.strategyDraftUpdate.count({ where: { draftId: draft.id } })).toBe(0);
    expect(textOf(r.collab.hocuspocus.documents.get(`strategy:${draft.id}`)!)).toBe("");
  });

  it("re-checks access on a write itself: a removed member's next edit is refused and not stored", async () => {
    const { owner, editor, workspace, draft } = await setup();
    // No periodic re-check during the test, and no reuse of a write decision.
    const r = await startServer({ recheckMs: 600_000, writeRecheckMs: 0, debounceMs: 600_000, maxDebounceMs: 600_000 });
    const one = connect(r, draft.id, editor.cookie);
    const watcher = connect(r, draft.id, owner.cookie);
    await synced(one);
    await synced(watcher);
    typeParagraph(one.doc, "Dozwolone");
    await waitFor(() => textOf(watcher.doc) === "Dozwolone", { message: "first edit" });
    await db.workspaceMember.deleteMany({ where: { workspaceId: workspace.id, userId: editor.user.id } });
    const closed = new Promise<boolean>((res) => one.provider.on("close", () => res(true)));
    typeParagraph(one.doc, "Po usunięciu z przestrzeni");
    expect(await closed).toBe(true);
    await new Promise((res) => setTimeout(res, 300));
    expect(textOf(watcher.doc)).toBe("Dozwolone");
    expect((await stored(draft.id)).text).toBe("Dozwolone");
  });

  it("signing out ends the connection too", async () => {
    const { editor, draft } = await setup();
    const r = await startServer({ recheckMs: 300 });
    const one = connect(r, draft.id, editor.cookie);
    await synced(one);
    const closed = new Promise<boolean>((res) => one.provider.on("close", () => res(true)));
    await db.session.deleteMany({ where: { userId: editor.user.id } });
    expect(await closed).toBe(true);
  });
});

describe("strategy draft pages", () => {
  it("give a non-member 404 on the list and the editor, and a VIEWER 403 on create", async () => {
    const { outsider, viewer, workspace, draft } = await setup();
    const listUrl = `/przestrzenie/${workspace.id}/strategie`;
    const params = { workspaceId: workspace.id };
    expect((await run(listRoute.loader, makeRequest(listUrl, { cookie: outsider.cookie }), params)).status).toBe(404);
    const editorParams = { workspaceId: workspace.id, draftId: draft.id };
    expect((await run(editorRoute.loader, makeRequest(`${listUrl}/${draft.id}`, { cookie: outsider.cookie }), editorParams)).status).toBe(404);
    // The right draft in the wrong workspace's URL is not found either.
    const other = await db.workspace.create({ data: { name: "Inna", owningInstitutionId: workspace.owningInstitutionId, createdById: viewer.user.id, members: { create: { userId: viewer.user.id, role: "OWNER" } } } });
    expect((await run(editorRoute.loader, makeRequest(`/przestrzenie/${other.id}/strategie/${draft.id}`, { cookie: viewer.cookie }), { workspaceId: other.id, draftId: draft.id })).status).toBe(404);

    expect((await run(listRoute.action, makeRequest(listUrl, { cookie: outsider.cookie, form: { title: "X" } }), params)).status).toBe(404);
    const denied = await run(listRoute.action, makeRequest(listUrl, { cookie: viewer.cookie, form: { title: "Projekt widza" } }), params);
    expect(denied.status).toBe(403);
    expect(await db.strategyDraft.count({ where: { title: "Projekt widza" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: viewer.user.id, summary: "strategy.create" } })).toBe(1);

    // The VIEWER sees the draft read-only.
    const page = await run(editorRoute.loader, makeRequest(`${listUrl}/${draft.id}`, { cookie: viewer.cookie }), editorParams);
    expect(page.status).toBe(200);
    expect((page.data as { can: Record<string, boolean> }).can).toMatchObject({ view: true, edit: false, rename: false, trash: false });
  });

  it("creates (audited), validates next to the field, renames with a version check (409) and trashes", async () => {
    const { editor, owner, workspace } = await setup();
    const listUrl = `/przestrzenie/${workspace.id}/strategie`;
    const params = { workspaceId: workspace.id };
    const empty = await run(listRoute.action, makeRequest(listUrl, { cookie: editor.cookie, form: { title: "   " } }), params);
    expect(empty.status).toBe(400);
    expect(empty.data).toEqual({ errors: { title: "validation.required" } });

    const created = await run(listRoute.action, makeRequest(listUrl, { cookie: editor.cookie, form: { title: "Strategia 2030" } }), params);
    expect(created.status).toBe(302);
    const draft = await db.strategyDraft.findFirstOrThrow({ where: { title: "Strategia 2030" } });
    expect(created.headers.get("Location")).toBe(`${listUrl}/${draft.id}`);
    expect(await db.auditLog.count({ where: { action: "strategy.create", entityId: draft.id, actorId: editor.user.id } })).toBe(1);

    const url = `${listUrl}/${draft.id}`;
    const editorParams = { workspaceId: workspace.id, draftId: draft.id };
    const first = await run(editorRoute.action, makeRequest(url, { cookie: editor.cookie, form: { intent: "rename", title: "Strategia 2035", version: "1" } }), editorParams);
    expect(first.status).toBe(302);
    // A second person still on version 1: nothing is overwritten.
    const stale = await run(editorRoute.action, makeRequest(url, { cookie: owner.cookie, form: { intent: "rename", title: "Strategia 2040", version: "1" } }), editorParams);
    expect(stale.status).toBe(409);
    expect(stale.data).toEqual({ errors: { _form: "strategy.form.conflict" } });
    const after = await db.strategyDraft.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after).toMatchObject({ title: "Strategia 2035", version: 2 });
    expect(await db.auditLog.count({ where: { action: "strategy.rename", entityId: draft.id } })).toBe(1);

    // The EDITOR who created it may trash it; then it is gone (404) for everyone.
    const trashed = await run(editorRoute.action, makeRequest(url, { cookie: editor.cookie, form: { intent: "trash" } }), editorParams);
    expect(trashed.status).toBe(302);
    expect(await db.auditLog.count({ where: { action: "strategy.trash", entityId: draft.id } })).toBe(1);
    expect((await run(editorRoute.loader, makeRequest(url, { cookie: owner.cookie }), editorParams)).status).toBe(404);
  });

  it("an EDITOR who did not create a draft may not trash it (403)", async () => {
    const { editor, workspace, draft } = await setup();
    const res = await run(
      editorRoute.action,
      makeRequest(`/przestrzenie/${workspace.id}/strategie/${draft.id}`, { cookie: editor.cookie, form: { intent: "trash" } }),
      { workspaceId: workspace.id, draftId: draft.id },
    );
    expect(res.status).toBe(403);
    expect((await db.strategyDraft.findUniqueOrThrow({ where: { id: draft.id } })).deletedAt).toBeNull();
  });

  it("lists a page of drafts with a fixed number of queries", async () => {
    const { owner, workspace } = await setup();
    const listUrl = `/przestrzenie/${workspace.id}/strategie`;
    const measure = () => countStatements(() => run(listRoute.loader, makeRequest(listUrl, { cookie: owner.cookie }), { workspaceId: workspace.id }));
    const few = await measure();
    for (let i = 0; i < 25; i++) {
      await db.strategyDraft.create({ data: { workspaceId: workspace.id, title: `Projekt ${i}`, createdById: owner.user.id, updatedById: owner.user.id } });
    }
    expect(await measure()).toBe(few);
    const res = await run(listRoute.loader, makeRequest(`${listUrl}?page=2`, { cookie: owner.cookie }), { workspaceId: workspace.id });
    const body = res.data as { items: unknown[]; page: { total: number; page: number } };
    expect(body.page).toMatchObject({ total: 26, page: 2 });
    expect(body.items).toHaveLength(6);
  });
});
