// Versions and the review workflow of strategy drafts against a real Hocuspocus instance on a real
// HTTP server, the per-file SQLite database and real sessions: automatic snapshots, named versions,
// a restore seen live by a connected editor (nothing lost), the diff page, the review round
// (request → approve → an edit makes it a draft again), a return's required comment, 403/404/409.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createCollabServer, type CollabServer } from "~/modules/strategy/collab.server";
import { draftVersionAction } from "~/modules/strategy/review.server";
import { lucia } from "~/modules/auth/session.server";
import { signedIn, STRATEGY_NAMES, strategyDraft, strategyInstitutions, strategyWorkspace } from "../strategy-fixtures";
import * as historyRoute from "~/routes/_app.przestrzenie.$workspaceId.strategie.$draftId_.historia";
import * as versionRoute from "~/routes/_app.przestrzenie.$workspaceId.strategie.$draftId_.wersje.$number";
import * as compareRoute from "~/routes/_app.przestrzenie.$workspaceId.strategie.$draftId_.porownaj";
import { makeRequest, run } from "../http";
import { countStatements } from "../query-count";
import { connectProvider, textOf, textOfStored, typeParagraph, waitFor } from "../collab-client";

type Running = { server: http.Server; collab: CollabServer; url: string; origin: string };
let running: Running | undefined;
const cleanups: (() => void)[] = [];

async function startServer(options: Parameters<typeof createCollabServer>[0] = {}): Promise<Running> {
  const collab = createCollabServer({ recheckMs: 300, debounceMs: 100, maxDebounceMs: 500, ...options });
  const server = http.createServer((_req, res) => res.end());
  server.on("upgrade", (req, socket, head) => void collab.handleUpgrade(req, socket, head));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  running = { server, collab, url: `ws://127.0.0.1:${port}/collab`, origin: `http://127.0.0.1:${port}` };
  return running;
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

/** signedIn, with the session's user as the route sees it. */
async function signedInWithAuth(overrides: Parameters<typeof signedIn>[0] = {}) {
  const { user, cookie } = await signedIn(overrides);
  const sessionId = lucia.readSessionCookie(cookie) ?? cookie.split(";")[0].split("=")[1];
  const { user: auth } = await lucia.validateSession(sessionId);
  return { user, auth: auth as NonNullable<typeof auth> & { name: string; email: string }, cookie };
}

async function setup() {
  const { a, b } = await strategyInstitutions();
  const owner = await signedInWithAuth({ institutionId: a.id, institutionRole: "COORDINATOR", name: STRATEGY_NAMES.owner });
  const editor = await signedInWithAuth({ institutionId: a.id, name: STRATEGY_NAMES.editor });
  const reviewer = await signedInWithAuth({ institutionId: a.id, name: "Tomasz Nowak" });
  const viewer = await signedInWithAuth({ institutionId: a.id, name: STRATEGY_NAMES.viewer });
  const outsider = await signedInWithAuth({ institutionId: b.id, name: STRATEGY_NAMES.outsider });
  const workspace = await strategyWorkspace(a.id, owner, [
    { person: editor, role: "EDITOR" },
    { person: reviewer, role: "EDITOR" },
    { person: viewer, role: "VIEWER" },
  ]);
  const draft = await strategyDraft(workspace.id, owner);
  const base = `/przestrzenie/${workspace.id}/strategie/${draft.id}`;
  const params = { workspaceId: workspace.id, draftId: draft.id };
  return { owner, editor, reviewer, viewer, outsider, workspace, draft, base, params };
}

function connect(r: Running, draftId: string, cookie: string) {
  const c = connectProvider(r.url, draftId, { cookie, origin: r.origin });
  cleanups.push(c.close);
  return c;
}
const synced = (c: ReturnType<typeof connectProvider>) => waitFor(() => c.provider.isSynced && !c.provider.hasUnsyncedChanges, { message: "synced" });

async function versions(draftId: string) {
  return db.strategyDraftVersion.findMany({ where: { draftId }, orderBy: { number: "asc" } });
}
async function storedText(draftId: string) {
  const draft = await db.strategyDraft.findUniqueOrThrow({ where: { id: draftId } });
  const updates = await db.strategyDraftUpdate.findMany({ where: { draftId }, orderBy: { id: "asc" } });
  return textOfStored(draft.ydocState, updates.map((u) => u.update));
}
const versionText = (v: { ydocState: Uint8Array }) => textOfStored(v.ydocState, []);

/** draftVersionAction as the route calls it, with a thrown Response (403/404) turned into its status. */
async function act(user: { auth: Parameters<typeof draftVersionAction>[0] }, s: { workspace: { id: string }; draft: { id: string } }, form: Record<string, string>) {
  try {
    const r = await draftVersionAction(user.auth, s.workspace.id, s.draft.id, form);
    return { status: r.status, body: r.body };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null };
    throw thrown;
  }
}
const draftVersion = async (id: string) => (await db.strategyDraft.findUniqueOrThrow({ where: { id } })).version;

describe("versions of a strategy draft", () => {
  it("takes an AUTO version when the last client leaves, and none when nothing changed", async () => {
    const s = await setup();
    const r = await startServer();
    const one = connect(r, s.draft.id, s.editor.cookie);
    await synced(one);
    typeParagraph(one.doc, "Cel 1: nowe miejsca pracy");
    await synced(one);
    one.close();
    await waitFor(async () => (await versions(s.draft.id)).length === 1, { message: "auto snapshot" });
    const [v1] = await versions(s.draft.id);
    expect(v1).toMatchObject({ number: 1, kind: "AUTO", name: null, createdById: s.editor.user.id, wordCount: 5 });
    expect(versionText(v1)).toBe("Cel 1: nowe miejsca pracy");
    expect((await db.strategyDraft.findUniqueOrThrow({ where: { id: s.draft.id } })).lastEditAt).not.toBeNull();

    // A reader comes and goes: the same text is not snapshotted again.
    const two = connect(r, s.draft.id, s.viewer.cookie);
    await synced(two);
    two.close();
    await waitFor(() => r.collab.hocuspocus.getDocumentsCount() === 0, { message: "unloaded" });
    await new Promise((res) => setTimeout(res, 200));
    expect(await versions(s.draft.id)).toHaveLength(1);
  });

  it("takes an AUTO version during activity when the latest is older than the interval", async () => {
    const s = await setup();
    const r = await startServer({ autoSnapshotMs: 0 });
    const one = connect(r, s.draft.id, s.editor.cookie);
    await synced(one);
    typeParagraph(one.doc, "Pierwszy akapit");
    await synced(one);
    // Still connected: the compaction (debounced) takes it.
    await waitFor(async () => (await versions(s.draft.id)).length >= 1, { message: "activity snapshot" });
    expect((await versions(s.draft.id))[0].kind).toBe("AUTO");
    expect(one.provider.isSynced).toBe(true);
  });

  it("names a version (EDITOR+), refuses a VIEWER (403) and an empty name (400, on the field)", async () => {
    const s = await setup();
    const r = await startServer();
    const one = connect(r, s.draft.id, s.editor.cookie);
    await synced(one);
    typeParagraph(one.doc, "Diagnoza regionu");
    await synced(one);

    const empty = await act(s.editor, s, { intent: "versionName", name: "   " });
    expect(empty).toMatchObject({ status: 400, body: { errors: { name: "strategyVersions.name.required" } } });
    expect((await act(s.viewer, s, { intent: "versionName", name: "Widz" })).status).toBe(403);
    expect((await act(s.outsider, s, { intent: "versionName", name: "Obcy" })).status).toBe(404);

    const saved = await act(s.editor, s, { intent: "versionName", name: "Wersja do konsultacji 1" });
    expect(saved).toMatchObject({ status: 200, body: { ok: true, message: "strategyVersions.version.saved", vars: { number: 1 } } });
    const [v] = await versions(s.draft.id);
    expect(v).toMatchObject({ kind: "NAMED", name: "Wersja do konsultacji 1", createdById: s.editor.user.id });
    // The pending log (not yet compacted) is in the version.
    expect(versionText(v)).toBe("Diagnoza regionu");
    expect(await db.auditLog.count({ where: { action: "strategy.version.create", entityId: s.draft.id, actorId: s.editor.user.id } })).toBe(1);

    // The history lists it with its author, in a fixed number of queries.
    const res = await run(historyRoute.loader, makeRequest(`${s.base}/historia`, { cookie: s.viewer.cookie }), s.params);
    expect(res.status).toBe(200);
    expect((res.data as { items: { name: string; author: string }[] }).items[0]).toMatchObject({ name: "Wersja do konsultacji 1", author: "Katarzyna Wójcik" });
    const measure = () => countStatements(() => run(historyRoute.loader, makeRequest(`${s.base}/historia`, { cookie: s.owner.cookie }), s.params));
    const few = await measure();
    for (let i = 2; i <= 6; i++) await act(s.editor, s, { intent: "versionName", name: `Wersja ${i}` });
    expect(await measure()).toBe(few);

    // The version page renders it read-only.
    const page = await run(versionRoute.loader, makeRequest(`${s.base}/wersje/1`, { cookie: s.viewer.cookie }), { ...s.params, number: "1" });
    expect(page.status).toBe(200);
    expect((page.data as { html: string }).html).toContain("<p>Diagnoza regionu</p>");
    expect((page.data as { canRestore: boolean }).canRestore).toBe(false);
    expect((await run(versionRoute.loader, makeRequest(`${s.base}/wersje/99`, { cookie: s.viewer.cookie }), { ...s.params, number: "99" })).status).toBe(404);
  });

  it("restores a version as a new change that a connected editor sees, keeping the current text as a version", async () => {
    const s = await setup();
    const r = await startServer();
    const one = connect(r, s.draft.id, s.editor.cookie);
    const watcher = connect(r, s.draft.id, s.owner.cookie);
    await synced(one);
    await synced(watcher);
    typeParagraph(one.doc, "Wersja A: górnictwo");
    await synced(one);
    expect((await act(s.editor, s, { intent: "versionName", name: "Wersja A" })).status).toBe(200);
    typeParagraph(one.doc, "Dodatek B: energetyka odnawialna");
    await synced(one);
    await waitFor(() => textOf(watcher.doc).includes("Dodatek B"), { message: "propagation" });

    expect((await act(s.viewer, s, { intent: "versionRestore", number: "1" })).status).toBe(403);
    const restored = await act(s.owner, s, { intent: "versionRestore", number: "1" });
    expect(restored).toMatchObject({ status: 200, body: { ok: true, vars: { number: 1 } } });

    // Live for both connected clients, and on disk at once.
    await waitFor(() => textOf(watcher.doc) === "Wersja A: górnictwo", { message: "restore reaches the watcher" });
    await waitFor(() => textOf(one.doc) === "Wersja A: górnictwo", { message: "restore reaches the editor" });
    expect(await storedText(s.draft.id)).toBe("Wersja A: górnictwo");
    expect((await db.strategyDraft.findUniqueOrThrow({ where: { id: s.draft.id } })).contentText).toBe("Wersja A: górnictwo");

    // Nothing lost: the text before the restore is a version.
    const all = await versions(s.draft.id);
    const kept = all.find((v) => v.kind === "RESTORE");
    expect(kept).toBeDefined();
    expect(versionText(kept!)).toBe("Wersja A: górnictwo\nDodatek B: energetyka odnawialna");
    expect(await db.auditLog.count({ where: { action: "strategy.version.restore", entityId: s.draft.id } })).toBe(1);

    // The editors keep working on the restored text.
    typeParagraph(one.doc, "Po przywróceniu");
    await synced(one);
    await waitFor(() => textOf(watcher.doc).endsWith("Po przywróceniu"), { message: "edit after restore" });

    // The diff page: the kept version against the restored one shows the deletion; the other way an insertion.
    const diff = await run(compareRoute.loader, makeRequest(`${s.base}/porownaj?z=${kept!.number}&do=1`, { cookie: s.viewer.cookie }), s.params);
    expect(diff.status).toBe(200);
    const d = (diff.data as { diff: { insertions: number; deletions: number; blocks: { status: string; segments: { kind: string; text: string }[] }[] } }).diff;
    expect(d.deletions).toBeGreaterThan(0);
    expect(d.blocks.some((b) => b.status === "removed" && b.segments.some((x) => x.text.includes("Dodatek B")))).toBe(true);
    const forward = await run(compareRoute.loader, makeRequest(`${s.base}/porownaj?z=1&do=biezaca`, { cookie: s.viewer.cookie }), s.params);
    const f = (forward.data as { diff: { insertions: number; deletions: number; blocks: { status: string; segments: { kind: string; text: string }[] }[] } }).diff;
    await waitFor(async () => (await storedText(s.draft.id)).includes("Po przywróceniu"), { message: "stored" });
    const f2 = (
      (await run(compareRoute.loader, makeRequest(`${s.base}/porownaj?z=1&do=biezaca`, { cookie: s.viewer.cookie }), s.params)).data as { diff: typeof f }
    ).diff;
    expect(f.insertions + f2.insertions).toBeGreaterThan(0);
    expect(f2.blocks.some((b) => b.status === "added" && b.segments.some((x) => x.text.includes("Po przywróceniu")))).toBe(true);
  });

  it("hides history, versions and diffs from non-members (404)", async () => {
    const s = await setup();
    await db.strategyDraftVersion.create({ data: { draftId: s.draft.id, number: 1, kind: "NAMED", name: "X", ydocState: new Uint8Array([0, 0]), contentJson: '{"type":"doc","content":[]}' } });
    expect((await run(historyRoute.loader, makeRequest(`${s.base}/historia`, { cookie: s.outsider.cookie }), s.params)).status).toBe(404);
    expect((await run(versionRoute.loader, makeRequest(`${s.base}/wersje/1`, { cookie: s.outsider.cookie }), { ...s.params, number: "1" })).status).toBe(404);
    expect((await run(compareRoute.loader, makeRequest(`${s.base}/porownaj?z=1&do=biezaca`, { cookie: s.outsider.cookie }), s.params)).status).toBe(404);
    expect((await run(historyRoute.action, makeRequest(`${s.base}/historia`, { cookie: s.outsider.cookie, form: { number: "1" } }), s.params)).status).toBe(404);
    // A viewer sees them but may not restore.
    expect((await run(historyRoute.loader, makeRequest(`${s.base}/historia`, { cookie: s.viewer.cookie }), s.params)).status).toBe(200);
    expect((await run(historyRoute.action, makeRequest(`${s.base}/historia`, { cookie: s.viewer.cookie, form: { number: "1" } }), s.params)).status).toBe(403);
  });
});

describe("review workflow of a strategy draft", () => {
  it("request → approve by a named reviewer freezes an APPROVAL version; an edit makes it a draft again and the approved version stays", async () => {
    const s = await setup();
    const r = await startServer();
    const one = connect(r, s.draft.id, s.editor.cookie);
    await synced(one);
    typeParagraph(one.doc, "Tekst do zatwierdzenia");
    await synced(one);

    // A VIEWER may not send it; a missing reviewer is a field error.
    expect((await act(s.viewer, s, { intent: "reviewRequest", version: "1", reviewers: s.reviewer.user.id })).status).toBe(403);
    expect(await act(s.editor, s, { intent: "reviewRequest", version: "1", reviewers: "" })).toMatchObject({ status: 400, body: { errors: { reviewers: "strategyVersions.review.reviewersRequired" } } });

    const sent = await act(s.editor, s, { intent: "reviewRequest", version: "1", reviewers: s.reviewer.user.id, note: "Proszę o uwagi" });
    expect(sent.status).toBe(200);
    expect(await db.notification.count({ where: { userId: s.reviewer.user.id, kind: "review.requested", entityId: s.draft.id } })).toBe(1);
    // Stale page: the version moved on.
    expect((await act(s.owner, s, { intent: "reviewCancel", version: "1" })).status).toBe(409);
    // Not a reviewer, not an owner: 403; a viewer: 403.
    expect((await act(s.editor, s, { intent: "reviewApprove", version: "2" })).status).toBe(403);
    expect((await act(s.viewer, s, { intent: "reviewApprove", version: "2" })).status).toBe(403);

    const approved = await act(s.reviewer, s, { intent: "reviewApprove", version: "2" });
    expect(approved.status).toBe(200);
    const afterApproval = await db.strategyDraft.findUniqueOrThrow({ where: { id: s.draft.id } });
    expect(afterApproval).toMatchObject({ reviewStatus: "APPROVED", approvedById: s.reviewer.user.id, version: 3 });
    const frozen = await db.strategyDraftVersion.findUniqueOrThrow({ where: { id: afterApproval.approvedVersionId! } });
    expect(frozen.kind).toBe("APPROVAL");
    expect(frozen.name).toMatch(/^Zatwierdzona — \d{2}\.\d{2}\.\d{4}$/);
    expect(versionText(frozen)).toBe("Tekst do zatwierdzenia");
    expect(await db.notification.count({ where: { userId: s.editor.user.id, kind: "review.approved" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: { in: ["strategy.review.request", "strategy.review.approve"] }, entityId: s.draft.id } })).toBe(2);
    // Approving twice: the page is stale.
    expect((await act(s.reviewer, s, { intent: "reviewApprove", version: "3" })).status).toBe(409);

    // An edit after approval: a draft again, the approved version stays.
    typeParagraph(one.doc, "Zmiana po zatwierdzeniu");
    await synced(one);
    await waitFor(async () => (await db.strategyDraft.findUniqueOrThrow({ where: { id: s.draft.id } })).reviewStatus === "DRAFT", { message: "back to draft" });
    const after = await db.strategyDraft.findUniqueOrThrow({ where: { id: s.draft.id } });
    expect(after.approvedVersionId).toBe(frozen.id);
    expect(versionText(await db.strategyDraftVersion.findUniqueOrThrow({ where: { id: frozen.id } }))).toBe("Tekst do zatwierdzenia");
    expect(await db.auditLog.count({ where: { action: "strategy.review.reopen", entityId: s.draft.id } })).toBe(1);
  });

  it("a return needs a comment (400 on the field), then goes back to draft and tells the requester", async () => {
    const s = await setup();
    expect((await act(s.editor, s, { intent: "reviewRequest", version: "1", reviewers: s.reviewer.user.id })).status).toBe(200);
    const noComment = await act(s.reviewer, s, { intent: "reviewReturn", version: "2", comment: "  " });
    expect(noComment).toMatchObject({ status: 400, body: { errors: { comment: "strategyVersions.review.commentRequired" } } });
    expect((await db.strategyDraft.findUniqueOrThrow({ where: { id: s.draft.id } })).reviewStatus).toBe("IN_REVIEW");
    // A viewer with a comment or without: 403 before any detail.
    expect((await act(s.viewer, s, { intent: "reviewReturn", version: "2", comment: "" })).status).toBe(403);
    const returned = await act(s.owner, s, { intent: "reviewReturn", version: "2", comment: "Uzupełnić wskaźniki w rozdziale 3" });
    expect(returned.status).toBe(200);
    expect(await draftVersion(s.draft.id)).toBe(3);
    expect((await db.strategyDraft.findUniqueOrThrow({ where: { id: s.draft.id } })).reviewStatus).toBe("DRAFT");
    expect(await db.notification.count({ where: { userId: s.editor.user.id, kind: "review.returned" } })).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "strategy.review.return", entityId: s.draft.id } });
    expect(audit.changes).toContain("Uzupełnić wskaźniki");
  });
});
