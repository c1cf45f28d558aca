// Comments on documents with @mentions, and the notification centre, through real requests:
// who may write, edit and delete, who gets notified (and who never does), and that nobody
// reads or marks someone else's notifications.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as appLayout from "~/routes/_app";
import * as fileRoute from "~/routes/_app.przestrzenie.$workspaceId.biblioteka.plik.$documentId";
import * as notificationsRoute from "~/routes/_app.powiadomienia";
import * as markReadRoute from "~/routes/powiadomienia.$id.przeczytaj";
import { libraryUrls } from "~/modules/library/library-urls";
import { mentionToken } from "~/modules/comments/mentions";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";
import { countStatements } from "../query-count";

/**
 * A BKPPT workspace: BKPPT people are EDITORs through their institution, Olga is a direct OWNER,
 * Wiktor (RIG) a direct VIEWER. Rafał is also RIG but not in the workspace; Fryderyk is FRGK.
 */
async function world() {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const rig = await buildInstitution({ shortName: "RIG" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const owner = await buildUser({ institutionId: bkppt.id, name: "Olga Właścicielka" });
  const editor = await buildUser({ institutionId: bkppt.id, name: "Edward Żółkiewski" });
  const viewer = await buildUser({ institutionId: rig.id, name: "Wiktor Czytelnik" });
  const rigColleague = await buildUser({ institutionId: rig.id, name: "Rafał Spoza" });
  const outsider = await buildUser({ institutionId: frgk.id, name: "Fryderyk Obcy" });
  const formerEditor = await buildUser({ institutionId: bkppt.id, name: "Bogdan Odszedł", deactivatedAt: new Date() });
  const ws = await db.workspace.create({
    data: {
      name: "Strategia transformacji",
      owningInstitutionId: bkppt.id,
      createdById: owner.id,
      members: { create: [{ userId: owner.id, role: "OWNER" }, { userId: viewer.id, role: "VIEWER" }] },
      institutions: { create: [{ institutionId: bkppt.id, role: "EDITOR" }] },
    },
  });
  const doc = await db.document.create({
    data: {
      workspaceId: ws.id,
      name: "Strategia – Bełchatów.pdf",
      nameKey: "strategia – belchatow.pdf",
      mimeType: "application/pdf",
      size: 1234n,
      createdById: editor.id,
      versions: {
        create: { number: 1, storageKey: "test/none", size: 1234n, mimeType: "application/pdf", sha256: "0".repeat(64), originalName: "Strategia.pdf", createdById: editor.id },
      },
    },
  });
  const withCookie = async <T extends { id: string }>(u: T) => ({ ...u, cookie: await loginAs(u.id) });
  return {
    ws,
    doc,
    url: libraryUrls.file(ws.id, doc.id),
    params: { workspaceId: ws.id, documentId: doc.id },
    owner: await withCookie(owner),
    editor: await withCookie(editor),
    viewer: await withCookie(viewer),
    rigColleague: await withCookie(rigColleague),
    outsider: await withCookie(outsider),
    formerEditor,
  };
}

type W = Awaited<ReturnType<typeof world>>;
type ActionAnswer = { ok: boolean; error: string | null; errors: Record<string, string> | null; commentId?: string };
type PageData = {
  comments: {
    items: { id: string; body: string; editedAt: string | null; author: { name: string; institutionShortName: string }; canEdit: boolean; canDelete: boolean }[];
    total: number;
    nextShown: number | null;
    canCreate: boolean;
  };
  mentionable: { id: string; name: string }[];
  document: { name: string };
};

async function post(w: W, cookie: string, fields: Record<string, string>) {
  const res = await run(fileRoute.action, makeRequest(w.url, { cookie, form: fields }), w.params);
  return { status: res.status, data: res.data as ActionAnswer, headers: res.headers };
}

async function page(w: W, cookie: string, query = "") {
  const res = await run(fileRoute.loader, makeRequest(w.url + query, { cookie }), w.params);
  return { status: res.status, data: res.data as PageData };
}

async function bell(cookie: string) {
  const res = await run(appLayout.loader, makeRequest("/pulpit", { cookie }));
  return (res.data as { notifications: { unread: number; latest: { id: string; title: string; url: string; read: boolean; data: Record<string, string> }[] } }).notifications;
}

describe("comments on a document", () => {
  it("a VIEWER comments and mentions an EDITOR: one notification for the EDITOR, none for the author, all in the audit log", async () => {
    const w = await world();
    const body = `Proszę ${mentionToken(w.editor)} o uwagi do rozdziału 2. Ja też tu jestem: ${mentionToken(w.viewer)}`;
    const res = await post(w, w.viewer.cookie, { intent: "comment.create", body });
    expect(res.status).toBe(200);
    expect(res.data.ok).toBe(true);
    const commentId = res.data.commentId!;

    const stored = await db.documentComment.findUniqueOrThrow({ where: { id: commentId } });
    expect(stored).toMatchObject({ authorId: w.viewer.id, documentId: w.doc.id, version: 1, body, editedAt: null, deletedAt: null });

    const notes = await db.notification.findMany();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      userId: w.editor.id,
      actorId: w.viewer.id,
      kind: "mention",
      title: "notifications.kind.mention",
      url: `${w.url}#komentarz-${commentId}`,
      entityType: "DocumentComment",
      entityId: commentId,
      readAt: null,
    });
    expect(JSON.parse(notes[0].data!)).toEqual({ name: "Wiktor Czytelnik", document: "Strategia – Bełchatów.pdf" });

    const audit = await db.auditLog.findMany({ where: { action: { startsWith: "comment." } } });
    expect(audit).toMatchObject([{ action: "comment.create", entityType: "DocumentComment", entityId: commentId, actorId: w.viewer.id, summary: w.doc.name }]);

    // The page lists it with the author's institution; the editor's bell shows it, the author's does not.
    const view = await page(w, w.editor.cookie);
    expect(view.status).toBe(200);
    expect(view.data.document.name).toBe(w.doc.name);
    expect(view.data.comments.items).toMatchObject([{ id: commentId, body, author: { name: "Wiktor Czytelnik", institutionShortName: "RIG" }, canEdit: false, canDelete: false }]);
    expect((await bell(w.editor.cookie)).unread).toBe(1);
    expect((await bell(w.editor.cookie)).latest[0]).toMatchObject({ title: "notifications.kind.mention", read: false, data: { name: "Wiktor Czytelnik" } });
    expect((await bell(w.viewer.cookie)).unread).toBe(0);
  });

  it("never notifies or suggests people who cannot see the workspace; their tokens become plain text", async () => {
    const w = await world();
    const body = `Do ${mentionToken(w.rigColleague)}, ${mentionToken(w.outsider)} i ${mentionToken(w.formerEditor)}; a także ${mentionToken({ id: w.owner.id, name: "Fałszywe Imię" })}`;
    const res = await post(w, w.viewer.cookie, { intent: "comment.create", body });
    expect(res.status).toBe(200);
    const notes = await db.notification.findMany({ select: { userId: true } });
    expect(notes).toEqual([{ userId: w.owner.id }]);
    const stored = await db.documentComment.findUniqueOrThrow({ where: { id: res.data.commentId! } });
    // Mentions are checked against the workspace and written with the person's real name.
    expect(stored.body).toBe(`Do @Rafał Spoza, @Fryderyk Obcy i @Bogdan Odszedł; a także @[Olga Właścicielka](${w.owner.id})`);

    const view = await page(w, w.viewer.cookie);
    const names = view.data.mentionable.map((p) => p.name);
    // Direct members and the people of member institutions; not me, not deactivated, not others.
    expect(names).toEqual(["Edward Żółkiewski", "Olga Właścicielka"]);
  });

  it("answers 404 to a user of another institution for the page and the comment action", async () => {
    const w = await world();
    expect((await page(w, w.outsider.cookie)).status).toBe(404);
    expect((await post(w, w.outsider.cookie, { intent: "comment.create", body: "Dzień dobry" })).status).toBe(404);
    expect((await page(w, w.rigColleague.cookie)).status).toBe(404);
    expect(await db.documentComment.count()).toBe(0);
    // Another workspace's document through this workspace's URL: 404 as well.
    const other = await db.workspace.create({ data: { name: "Inna", owningInstitutionId: w.ws.owningInstitutionId, createdById: w.owner.id, members: { create: { userId: w.owner.id, role: "OWNER" } } } });
    const foreign = await run(fileRoute.loader, makeRequest(libraryUrls.file(other.id, w.doc.id), { cookie: w.owner.cookie }), { workspaceId: other.id, documentId: w.doc.id });
    expect(foreign.status).toBe(404);
    const foreignPost = await run(fileRoute.action, makeRequest(libraryUrls.file(other.id, w.doc.id), { cookie: w.owner.cookie, form: { intent: "comment.create", body: "x" } }), {
      workspaceId: other.id,
      documentId: w.doc.id,
    });
    expect(foreignPost.status).toBe(404);
    expect(await db.documentComment.count()).toBe(0);
  });

  it("lets only the author edit (403 for others, audited); the edit shows and notifies only newly mentioned people", async () => {
    const w = await world();
    const created = await post(w, w.viewer.cookie, { intent: "comment.create", body: `Uwagi dla ${mentionToken(w.editor)}` });
    const commentId = created.data.commentId!;

    const denied = await post(w, w.owner.cookie, { intent: "comment.update", commentId, body: "Poprawione przez właściciela" });
    expect(denied.status).toBe(403);
    expect(await db.auditLog.count({ where: { action: "permission.denied", entityType: "DocumentComment", entityId: commentId } })).toBe(1);

    const edited = await post(w, w.viewer.cookie, { intent: "comment.update", commentId, body: `Uwagi dla ${mentionToken(w.editor)} i ${mentionToken(w.owner)}` });
    expect(edited.status).toBe(200);
    const stored = await db.documentComment.findUniqueOrThrow({ where: { id: commentId } });
    expect(stored.editedAt).not.toBeNull();
    expect(stored.body).toContain(w.owner.id);
    const notes = await db.notification.findMany({ select: { userId: true }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => n.userId).sort()).toEqual([w.editor.id, w.owner.id].sort());
    expect(await db.auditLog.count({ where: { action: "comment.update", entityId: commentId } })).toBe(1);

    const view = await page(w, w.viewer.cookie);
    expect(view.data.comments.items[0]).toMatchObject({ id: commentId, canEdit: true, canDelete: true });
    expect(view.data.comments.items[0].editedAt).not.toBeNull();
  });

  it("lets the author and any OWNER delete (soft), but not an EDITOR who did not write it", async () => {
    const w = await world();
    const first = (await post(w, w.viewer.cookie, { intent: "comment.create", body: "Pierwszy" })).data.commentId!;
    const second = (await post(w, w.editor.cookie, { intent: "comment.create", body: "Drugi" })).data.commentId!;

    expect((await post(w, w.editor.cookie, { intent: "comment.delete", commentId: first })).status).toBe(403);
    const ownerView = await page(w, w.owner.cookie);
    expect(ownerView.data.comments.items.map((c) => [c.id, c.canEdit, c.canDelete])).toEqual([
      [first, false, true],
      [second, false, true],
    ]);

    expect((await post(w, w.owner.cookie, { intent: "comment.delete", commentId: first })).status).toBe(200);
    expect((await post(w, w.editor.cookie, { intent: "comment.delete", commentId: second })).status).toBe(200);
    const rows = await db.documentComment.findMany({ select: { id: true, deletedAt: true } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.deletedAt !== null)).toBe(true);
    expect((await page(w, w.viewer.cookie)).data.comments).toMatchObject({ items: [], total: 0 });
    expect(await db.auditLog.count({ where: { action: "comment.delete" } })).toBe(2);

    // Gone is gone: deleting or editing it again is a 404 with a message, not a crash.
    const again = await post(w, w.owner.cookie, { intent: "comment.delete", commentId: first });
    expect(again.status).toBe(404);
    expect(again.data.error).toBe("comments.notFound");
  });

  it("answers 400 with a field error for bad input", async () => {
    const w = await world();
    const empty = await post(w, w.viewer.cookie, { intent: "comment.create", body: "   \n  " });
    expect(empty.status).toBe(400);
    expect(empty.data.errors).toEqual({ body: "comments.form.empty" });
    const long = await post(w, w.viewer.cookie, { intent: "comment.create", body: "a".repeat(5001) });
    expect(long.status).toBe(400);
    expect(long.data.errors).toEqual({ body: 'validation.tooLong|{"max":5000}' });
    expect((await post(w, w.viewer.cookie, { intent: "comment.create", body: "a".repeat(5000) })).status).toBe(200);
    expect((await post(w, w.viewer.cookie, { intent: "comment.update", body: "bez id" })).status).toBe(400);
    expect((await post(w, w.viewer.cookie, { intent: "comment.nonsense", body: "x" })).status).toBe(400);
    expect(await db.documentComment.count()).toBe(1);
  });

  it("is read-only in an archived workspace (403), and the library's own actions still work on the page", async () => {
    const w = await world();
    const renamed = await post(w, w.editor.cookie, { intent: "rename", name: "Strategia 2030.pdf" });
    expect(renamed.status).toBe(200);
    expect((await db.document.findUniqueOrThrow({ where: { id: w.doc.id } })).name).toBe("Strategia 2030.pdf");

    await db.workspace.update({ where: { id: w.ws.id }, data: { archivedAt: new Date() } });
    expect((await post(w, w.viewer.cookie, { intent: "comment.create", body: "Za późno" })).status).toBe(403);
    const view = await page(w, w.viewer.cookie);
    expect(view.status).toBe(200);
    expect(view.data.comments.canCreate).toBe(false);
    expect(view.data.mentionable).toEqual([]);
  });

  it("shows the newest 50, oldest first, and more on request", async () => {
    const w = await world();
    const start = Date.UTC(2026, 0, 1);
    await db.documentComment.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({ documentId: w.doc.id, authorId: w.editor.id, body: `Komentarz ${i + 1}`, createdAt: new Date(start + i * 60_000) })),
    });
    const first = await page(w, w.viewer.cookie);
    expect(first.data.comments.total).toBe(55);
    expect(first.data.comments.items).toHaveLength(50);
    expect(first.data.comments.items[0].body).toBe("Komentarz 6");
    expect(first.data.comments.items[49].body).toBe("Komentarz 55");
    expect(first.data.comments.nextShown).toBe(55);
    const all = await page(w, w.viewer.cookie, "?komentarze=55");
    expect(all.data.comments.items).toHaveLength(55);
    expect(all.data.comments.items[0].body).toBe("Komentarz 1");
    expect(all.data.comments.nextShown).toBeNull();
  });
});

describe("notification centre", () => {
  async function seed(w: W) {
    await post(w, w.viewer.cookie, { intent: "comment.create", body: `Hej ${mentionToken(w.editor)}` });
    await post(w, w.owner.cookie, { intent: "comment.create", body: `A to do ${mentionToken(w.editor)} i ${mentionToken(w.viewer)}` });
  }

  it("shows me only my notifications, all or unread, 25 a page", async () => {
    const w = await world();
    await seed(w);
    const mine = await run(notificationsRoute.loader, makeRequest("/powiadomienia", { cookie: w.editor.cookie }));
    const data = mine.data as { items: { url: string; read: boolean }[]; unread: number; page: { total: number; pageSize: number } };
    expect(data.items).toHaveLength(2);
    expect(data.unread).toBe(2);
    expect(data.page).toMatchObject({ total: 2, pageSize: 25 });
    const viewers = (await run(notificationsRoute.loader, makeRequest("/powiadomienia", { cookie: w.viewer.cookie }))).data as { items: unknown[] };
    expect(viewers.items).toHaveLength(1);
    const outsiders = (await run(notificationsRoute.loader, makeRequest("/powiadomienia?pokaz=nieprzeczytane", { cookie: w.outsider.cookie }))).data as { items: unknown[]; unreadOnly: boolean };
    expect(outsiders).toMatchObject({ items: [], unreadOnly: true });

    await db.notification.createMany({
      data: Array.from({ length: 30 }, (_, i) => ({ userId: w.editor.id, kind: "mention", title: "Test", url: "/pulpit", readAt: i % 2 ? new Date() : null })),
    });
    const second = (await run(notificationsRoute.loader, makeRequest("/powiadomienia?page=2", { cookie: w.editor.cookie }))).data as { items: unknown[]; page: { total: number; pageCount: number } };
    expect(second.page).toMatchObject({ total: 32, pageCount: 2 });
    expect(second.items).toHaveLength(7);
    const unread = (await run(notificationsRoute.loader, makeRequest("/powiadomienia?pokaz=nieprzeczytane", { cookie: w.editor.cookie }))).data as { page: { total: number } };
    expect(unread.page.total).toBe(17);
  });

  it("marks my notification read and goes to the comment; someone else's is 404", async () => {
    const w = await world();
    await seed(w);
    const [note] = await db.notification.findMany({ where: { userId: w.editor.id }, orderBy: { createdAt: "asc" } });

    const foreign = await run(markReadRoute.action, makeRequest(`/powiadomienia/${note.id}/przeczytaj`, { cookie: w.viewer.cookie, method: "POST" }), { id: note.id });
    expect(foreign.status).toBe(404);
    expect((await db.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).toBeNull();
    const missing = await run(markReadRoute.action, makeRequest(`/powiadomienia/nie-ma/przeczytaj`, { cookie: w.editor.cookie, method: "POST" }), { id: "nie-ma" });
    expect(missing.status).toBe(404);

    const mine = await run(markReadRoute.action, makeRequest(`/powiadomienia/${note.id}/przeczytaj`, { cookie: w.editor.cookie, method: "POST" }), { id: note.id });
    expect(mine.status).toBe(302);
    expect(mine.headers.get("Location")).toBe(note.url);
    expect(note.url).toMatch(/#komentarz-/);
    expect((await db.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).not.toBeNull();
    expect((await bell(w.editor.cookie)).unread).toBe(1);
  });

  it("marks all of mine read, and only mine: the count drops to zero", async () => {
    const w = await world();
    await seed(w);
    expect((await bell(w.editor.cookie)).unread).toBe(2);
    const res = await run(notificationsRoute.action, makeRequest("/powiadomienia", { cookie: w.editor.cookie, form: { intent: "readAll" } }));
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ ok: true, marked: 2 });
    const after = await bell(w.editor.cookie);
    expect(after.unread).toBe(0);
    expect(after.latest.every((n) => n.read)).toBe(true);
    expect((await bell(w.viewer.cookie)).unread).toBe(1);
  });

  it("feeds the bell with a fixed number of queries, however many notifications there are", async () => {
    const w = await world();
    const cost = () => countStatements(() => run(appLayout.loader, makeRequest("/pulpit", { cookie: w.editor.cookie })));
    const before = await cost();
    await db.notification.createMany({ data: Array.from({ length: 40 }, () => ({ userId: w.editor.id, kind: "mention", title: "notifications.kind.mention", url: "/pulpit" })) });
    expect(await cost()).toBe(before);
    const summary = await bell(w.editor.cookie);
    expect(summary.unread).toBe(40);
    expect(summary.latest).toHaveLength(10);
  });
});
