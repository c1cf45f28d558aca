// The review workflow and the edit lock of library documents, through real requests: sending for
// review (with notifications), approving and returning, new versions after approval or during a
// review, "Edytuję ten plik" and what it blocks — and who may do each of these.
import { describe, expect, it, vi } from "vitest";

// Before any app module reads the configuration: a 1 MB upload limit (the store folder is
// per test file, from tests/setup/per-file.ts).
vi.hoisted(() => {
  process.env.UPLOAD_MAX_MB = "1";
});

import { db } from "~/utils/db.server";
import * as uploadRoute from "~/routes/przestrzenie.$workspaceId.biblioteka.wyslij";
import * as fileRoute from "~/routes/_app.przestrzenie.$workspaceId.biblioteka.plik.$documentId";
import * as rootRoute from "~/routes/_app.przestrzenie.$workspaceId.biblioteka._index";
import * as folderRoute from "~/routes/_app.przestrzenie.$workspaceId.biblioteka.folder.$folderId";
import { libraryUrls } from "~/modules/library/library-urls";
import { createTranslator, translateMessage } from "~/utils/i18n";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { storedFiles } from "../store";
import { makeRequest, run } from "../http";


const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n`);

/**
 * A BKPPT workspace: an OWNER, two EDITORs (through BKPPT), a FRGK reviewer with VIEWER access,
 * a RIG VIEWER, and an outsider from RIG who sees nothing.
 */
async function world() {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const rig = await buildInstitution({ shortName: "RIG" });
  const people = {
    owner: await buildUser({ institutionId: bkppt.id, name: "Olga Właścicielka" }),
    author: await buildUser({ institutionId: bkppt.id, name: "Adam Autor" }),
    editor: await buildUser({ institutionId: bkppt.id, name: "Edyta Edytorka" }),
    reviewer: await buildUser({ institutionId: frgk.id, name: "Jan Kowalski" }),
    viewer: await buildUser({ institutionId: rig.id, name: "Wiktor Czytelnik" }),
    outsider: await buildUser({ institutionId: rig.id, name: "Obcy z RIG" }),
  };
  const ws = await db.workspace.create({
    data: {
      name: "Strategia transformacji",
      owningInstitutionId: bkppt.id,
      createdById: people.owner.id,
      members: {
        create: [
          { userId: people.owner.id, role: "OWNER" },
          { userId: people.reviewer.id, role: "VIEWER" },
          { userId: people.viewer.id, role: "VIEWER" },
        ],
      },
      institutions: { create: [{ institutionId: bkppt.id, role: "EDITOR" }] },
    },
  });
  const withCookies = async <T extends { id: string }>(p: T) => ({ ...p, cookie: await loginAs(p.id) });
  return {
    ws,
    owner: await withCookies(people.owner),
    author: await withCookies(people.author),
    editor: await withCookies(people.editor),
    reviewer: await withCookies(people.reviewer),
    viewer: await withCookies(people.viewer),
    outsider: await withCookies(people.outsider),
  };
}

type UploadAnswer = { ok: boolean; error?: string; documentId: string; number: number; created: boolean };

async function upload(cookie: string, workspaceId: string, file: { name: string; content: Buffer }, target: { folderId?: string | null; documentId?: string } = {}) {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(file.content)]), file.name);
  const request = new Request(`http://razem.test${libraryUrls.upload(workspaceId, target)}`, { method: "POST", headers: { Cookie: cookie }, body: form });
  const res = await run(uploadRoute.action, request, { workspaceId });
  return { status: res.status, data: res.data as UploadAnswer };
}

type ActionAnswer = { ok: boolean; error: string | null; errors: Record<string, string> | null };

async function act(cookie: string, workspaceId: string, documentId: string, fields: Record<string, string>) {
  const res = await run(fileRoute.action, makeRequest(libraryUrls.file(workspaceId, documentId), { cookie, form: fields }), { workspaceId, documentId });
  return { status: res.status, data: res.data as ActionAnswer };
}

type FilePage = Awaited<ReturnType<typeof fileRoute.loader>>;

async function page(cookie: string, workspaceId: string, documentId: string) {
  const res = await run(fileRoute.loader, makeRequest(libraryUrls.file(workspaceId, documentId), { cookie }), { workspaceId, documentId });
  expect(res.status).toBe(200);
  return res.data as FilePage;
}

const t = createTranslator("pl");

describe("review workflow", () => {
  it("sends a draft to two reviewers: IN_REVIEW, both notified in the same step, audited", async () => {
    const w = await world();
    const docId = (await upload(w.author.cookie, w.ws.id, { name: "Strategia.pdf", content: pdf("v1") })).data.documentId;

    const before = await page(w.author.cookie, w.ws.id, docId);
    expect(before.docCan.requestReview).toBe(true);
    // Everyone who can see the workspace except the requester, VIEWERs included; no outsiders.
    expect(before.reviewerCandidates.map((c) => c.name)).toEqual(["Edyta Edytorka", "Jan Kowalski", "Olga Właścicielka", "Wiktor Czytelnik"]);
    expect(before.reviewerCandidates.find((c) => c.name === "Olga Właścicielka")?.role).toBe("OWNER");

    const sent = await act(w.author.cookie, w.ws.id, docId, { intent: "requestReview", reviewers: `${w.reviewer.id},${w.editor.id}`, note: "Proszę o uwagi do rozdziału 2" });
    expect(sent.status).toBe(200);
    expect(sent.data.ok).toBe(true);

    const doc = await db.document.findUniqueOrThrow({ where: { id: docId }, include: { reviews: { include: { reviewers: true } } } });
    expect(doc.status).toBe("IN_REVIEW");
    expect(doc.reviews).toHaveLength(1);
    expect(doc.reviews[0]).toMatchObject({ version: 1, requestedById: w.author.id, note: "Proszę o uwagi do rozdziału 2", outcome: null });
    expect(doc.reviews[0].reviewers.map((r) => r.userId).sort()).toEqual([w.reviewer.id, w.editor.id].sort());

    const notes = await db.notification.findMany({ where: { kind: "review.requested" }, orderBy: { userId: "asc" } });
    expect(notes.map((n) => n.userId).sort()).toEqual([w.reviewer.id, w.editor.id].sort());
    for (const n of notes) {
      expect(n).toMatchObject({ actorId: w.author.id, title: "library.notify.reviewRequested", url: libraryUrls.file(w.ws.id, docId), entityType: "Document", entityId: docId });
      expect(t("library.notify.reviewRequested", JSON.parse(n.data ?? "{}") as Record<string, string>)).toBe("Adam Autor prosi o przegląd: „Strategia.pdf” (v1)");
    }
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "library.document.review.request", entityId: docId } });
    expect(JSON.parse(audit.changes ?? "{}")).toMatchObject({ status: ["DRAFT", "IN_REVIEW"], version: [null, 1] });

    // The reviewer (a VIEWER) sees the open review and may decide; the page says so.
    const forReviewer = await page(w.reviewer.cookie, w.ws.id, docId);
    expect(forReviewer.review.open).toMatchObject({ version: 1, requestedBy: "Adam Autor", isReviewer: true });
    expect(forReviewer.docCan).toMatchObject({ approve: true, return: true, cancelReview: false, requestReview: false });
    expect(forReviewer.reviewerCandidates).toEqual([]);

    // Sending again while in review is a conflict, not a second round.
    expect((await act(w.author.cookie, w.ws.id, docId, { intent: "requestReview", reviewers: w.reviewer.id })).status).toBe(409);
  });

  it("refuses: a VIEWER sending for review (403), a non-reviewer EDITOR approving (403), no reviewers or a stranger as reviewer (400)", async () => {
    const w = await world();
    const docId = (await upload(w.author.cookie, w.ws.id, { name: "Analiza.pdf", content: pdf("v1") })).data.documentId;

    const viewerTry = await act(w.viewer.cookie, w.ws.id, docId, { intent: "requestReview", reviewers: w.reviewer.id });
    expect(viewerTry.status).toBe(403);
    expect(await db.auditLog.findFirst({ where: { action: "permission.denied", actorId: w.viewer.id, summary: "library.document.review.request" } })).not.toBeNull();

    const none = await act(w.author.cookie, w.ws.id, docId, { intent: "requestReview", reviewers: "" });
    expect(none.status).toBe(400);
    expect(none.data.errors?.reviewers).toBe("library.review.reviewersRequired");
    const stranger = await act(w.author.cookie, w.ws.id, docId, { intent: "requestReview", reviewers: w.outsider.id });
    expect(stranger.status).toBe(400);
    expect(stranger.data.error).toBe("library.review.reviewerInvalid");
    expect((await db.document.findUniqueOrThrow({ where: { id: docId } })).status).toBe("DRAFT");

    expect((await act(w.author.cookie, w.ws.id, docId, { intent: "requestReview", reviewers: w.reviewer.id })).status).toBe(200);
    const editorTry = await act(w.editor.cookie, w.ws.id, docId, { intent: "approve" });
    expect(editorTry.status).toBe(403);
    const viewerReturn = await act(w.viewer.cookie, w.ws.id, docId, { intent: "return", comment: "Nie podoba mi się" });
    expect(viewerReturn.status).toBe(403);
    expect((await db.document.findUniqueOrThrow({ where: { id: docId } })).status).toBe("IN_REVIEW");
    expect(await db.notification.count({ where: { kind: { in: ["review.approved", "review.returned"] } } })).toBe(0);
  });

  it("a reviewer approves: APPROVED with who and which version; a new version makes a draft and the approval stays reported", async () => {
    const w = await world();
    const docId = (await upload(w.author.cookie, w.ws.id, { name: "Diagnoza.pdf", content: pdf("v1") })).data.documentId;
    await upload(w.author.cookie, w.ws.id, { name: "Diagnoza.pdf", content: pdf("v2") });
    expect((await act(w.author.cookie, w.ws.id, docId, { intent: "requestReview", reviewers: w.reviewer.id })).status).toBe(200);

    const approved = await act(w.reviewer.cookie, w.ws.id, docId, { intent: "approve", comment: "Bez uwag" });
    expect(approved.status).toBe(200);
    let doc = await db.document.findUniqueOrThrow({ where: { id: docId }, include: { reviews: true } });
    expect(doc.status).toBe("APPROVED");
    expect(doc.reviews[0]).toMatchObject({ version: 2, outcome: "APPROVED", decidedById: w.reviewer.id, comment: "Bez uwag" });
    expect(doc.reviews[0].decidedAt).toBeInstanceOf(Date);
    const note = await db.notification.findFirstOrThrow({ where: { kind: "review.approved" } });
    expect(note).toMatchObject({ userId: w.author.id, actorId: w.reviewer.id, title: "library.notify.reviewApproved", url: libraryUrls.file(w.ws.id, docId) });
    expect(await db.auditLog.count({ where: { action: "library.document.review.approve", entityId: docId, actorId: w.reviewer.id } })).toBe(1);

    let view = await page(w.viewer.cookie, w.ws.id, docId);
    expect(view.document.status).toBe("APPROVED");
    expect(view.review.approval).toMatchObject({ version: 2, decidedBy: "Jan Kowalski" });

    // Approving twice is a conflict (the page was out of date).
    expect((await act(w.owner.cookie, w.ws.id, docId, { intent: "approve" })).status).toBe(409);

    // A new version of an approved document starts a new draft; v2 stays the approved one.
    const v3 = await upload(w.editor.cookie, w.ws.id, { name: "Diagnoza.pdf", content: pdf("v3") }, { documentId: docId });
    expect(v3.data).toMatchObject({ ok: true, number: 3 });
    doc = await db.document.findUniqueOrThrow({ where: { id: docId }, include: { reviews: true } });
    expect(doc).toMatchObject({ status: "DRAFT", currentVersion: 3 });
    view = await page(w.viewer.cookie, w.ws.id, docId);
    expect(view.document.status).toBe("DRAFT");
    expect(view.review.approval).toMatchObject({ version: 2, decidedBy: "Jan Kowalski" });
    expect(view.review.history).toMatchObject([{ version: 2, kind: "APPROVED", decidedBy: "Jan Kowalski", comment: "Bez uwag" }]);
    const versionAudit = await db.auditLog.findFirstOrThrow({ where: { action: "library.document.version", entityId: docId }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(versionAudit.changes ?? "{}")).toMatchObject({ status: ["APPROVED", "DRAFT"], currentVersion: [2, 3] });

    // Restoring a version is a change too: approve v3, restore v1 → draft again.
    await act(w.author.cookie, w.ws.id, docId, { intent: "requestReview", reviewers: w.reviewer.id });
    expect((await act(w.owner.cookie, w.ws.id, docId, { intent: "approve" })).status).toBe(200);
    expect((await act(w.editor.cookie, w.ws.id, docId, { intent: "restoreVersion", number: "1" })).status).toBe(200);
    view = await page(w.viewer.cookie, w.ws.id, docId);
    expect(view.document).toMatchObject({ status: "DRAFT", currentVersion: 4 });
    expect(view.review.approval).toMatchObject({ version: 3, decidedBy: "Olga Właścicielka" });
  });

  it("returning needs a comment (400 without), goes back to draft and tells the requester", async () => {
    const w = await world();
    const docId = (await upload(w.author.cookie, w.ws.id, { name: "Wniosek.pdf", content: pdf("v1") })).data.documentId;
    await act(w.author.cookie, w.ws.id, docId, { intent: "requestReview", reviewers: `${w.reviewer.id},${w.editor.id}` });

    const without = await act(w.reviewer.cookie, w.ws.id, docId, { intent: "return", comment: "   " });
    expect(without.status).toBe(400);
    expect(without.data.errors?.comment).toBe("library.review.commentRequired");
    expect((await act(w.reviewer.cookie, w.ws.id, docId, { intent: "return" })).status).toBe(400);
    expect((await db.document.findUniqueOrThrow({ where: { id: docId } })).status).toBe("IN_REVIEW");

    const returned = await act(w.reviewer.cookie, w.ws.id, docId, { intent: "return", comment: "Brakuje danych o zatrudnieniu w 2025 r." });
    expect(returned.status).toBe(200);
    const doc = await db.document.findUniqueOrThrow({ where: { id: docId }, include: { reviews: true } });
    expect(doc.status).toBe("DRAFT");
    expect(doc.reviews[0]).toMatchObject({ outcome: "RETURNED", decidedById: w.reviewer.id, comment: "Brakuje danych o zatrudnieniu w 2025 r." });
    expect(await db.notification.findFirstOrThrow({ where: { kind: "review.returned" } })).toMatchObject({ userId: w.author.id, actorId: w.reviewer.id });
    const view = await page(w.author.cookie, w.ws.id, docId);
    expect(view.review.open).toBeNull();
    expect(view.review.approval).toBeNull();
    expect(view.review.history).toMatchObject([{ kind: "RETURNED", decidedBy: "Jan Kowalski", comment: "Brakuje danych o zatrudnieniu w 2025 r." }]);
  });

  it("an EDITOR withdraws a review; a new version during a review cancels it with a note and tells the reviewers", async () => {
    const w = await world();
    const docId = (await upload(w.author.cookie, w.ws.id, { name: "Protokół.pdf", content: pdf("v1") })).data.documentId;
    await act(w.author.cookie, w.ws.id, docId, { intent: "requestReview", reviewers: w.reviewer.id });
    expect((await act(w.reviewer.cookie, w.ws.id, docId, { intent: "cancelReview" })).status).toBe(403);
    expect((await act(w.editor.cookie, w.ws.id, docId, { intent: "cancelReview", comment: "Jeszcze poprawiamy" })).status).toBe(200);
    let view = await page(w.author.cookie, w.ws.id, docId);
    expect(view.document.status).toBe("DRAFT");
    expect(view.review.history).toMatchObject([{ kind: "CANCELLED", decidedBy: "Edyta Edytorka", comment: "Jeszcze poprawiamy", byVersion: null }]);
    expect((await db.notification.findMany({ where: { kind: "review.cancelled" } })).map((n) => n.userId).sort()).toEqual([w.reviewer.id, w.author.id].sort());

    await act(w.author.cookie, w.ws.id, docId, { intent: "requestReview", reviewers: w.reviewer.id });
    const v2 = await upload(w.editor.cookie, w.ws.id, { name: "Protokół.pdf", content: pdf("v2") }, { documentId: docId });
    expect(v2.data).toMatchObject({ ok: true, number: 2 });
    view = await page(w.author.cookie, w.ws.id, docId);
    expect(view.document.status).toBe("DRAFT");
    expect(view.review.open).toBeNull();
    expect(view.review.history[0]).toMatchObject({ kind: "CANCELLED", version: 1, decidedBy: "Edyta Edytorka", byVersion: 2 });
    expect(await db.auditLog.count({ where: { action: "library.document.review.cancel", entityId: docId } })).toBe(2);
    const auto = await db.notification.findFirstOrThrow({ where: { title: "library.notify.reviewCancelledByVersion" } });
    expect(auto.userId === w.reviewer.id || auto.userId === w.author.id).toBe(true);
    // The reviewer can no longer approve the old version.
    expect((await act(w.reviewer.cookie, w.ws.id, docId, { intent: "approve" })).status).toBe(409);
  });
});

describe("edit lock", () => {
  it("A checks out; B's new version (by id or same name) is 409 with A's name and nothing is stored; A's upload releases it", async () => {
    const w = await world();
    const docId = (await upload(w.author.cookie, w.ws.id, { name: "Budżet.pdf", content: pdf("v1") })).data.documentId;
    expect((await act(w.author.cookie, w.ws.id, docId, { intent: "lock" })).status).toBe(200);
    let doc = await db.document.findUniqueOrThrow({ where: { id: docId } });
    expect(doc.lockedById).toBe(w.author.id);
    expect(doc.lockedAt).toBeInstanceOf(Date);

    const forEditor = await page(w.editor.cookie, w.ws.id, docId);
    expect(forEditor.lock).toMatchObject({ name: "Adam Autor", mine: false });
    expect(forEditor.docCan).toMatchObject({ uploadVersion: false, rename: false, move: false, trash: false, unlock: false, lock: false });
    const folder = await run(rootRoute.loader, makeRequest(libraryUrls.root(w.ws.id), { cookie: w.editor.cookie }), { workspaceId: w.ws.id });
    expect((folder.data as { documents: { lock: unknown }[] }).documents[0].lock).toMatchObject({ name: "Adam Autor", mine: false });

    const files = storedFiles().length;
    const byId = await upload(w.editor.cookie, w.ws.id, { name: "Budżet.pdf", content: pdf("v2 od Edyty") }, { documentId: docId });
    expect(byId.status).toBe(409);
    expect(translateMessage(t, byId.data.error)).toBe("Plik „Budżet.pdf” edytuje teraz Adam Autor. Poczekaj, aż skończy, albo poproś o zwolnienie blokady (może to zrobić ta osoba lub właściciel przestrzeni).");
    const sameName = await upload(w.editor.cookie, w.ws.id, { name: "budżet.pdf", content: pdf("v2 od Edyty") });
    expect(sameName.status).toBe(409);
    expect(sameName.data.error).toMatch(/^library\.lock\.lockedBy\|/);
    // Not even the OWNER uploads over someone's lock (they release it first).
    expect((await upload(w.owner.cookie, w.ws.id, { name: "Budżet.pdf", content: pdf("v2") }, { documentId: docId })).status).toBe(409);
    expect(storedFiles()).toHaveLength(files);
    expect(await db.documentVersion.count({ where: { documentId: docId } })).toBe(1);

    // Rename, move, trash and restore by others: refused the same way.
    await run(rootRoute.action, makeRequest(libraryUrls.root(w.ws.id), { cookie: w.editor.cookie, form: { intent: "createFolder", name: "Archiwum" } }), { workspaceId: w.ws.id });
    const archive = (await db.folder.findFirstOrThrow({ where: { name: "Archiwum" } })).id;
    const attempts: Record<string, string>[] = [{ intent: "rename", name: "Budżet 2.pdf" }, { intent: "move", targetFolderId: archive }, { intent: "trash" }, { intent: "restoreVersion", number: "1" }];
    for (const fields of attempts) {
      const res = await act(w.editor.cookie, w.ws.id, docId, fields);
      expect(res.status, fields.intent).toBe(409);
    }
    const renameFromList = await run(rootRoute.action, makeRequest(libraryUrls.root(w.ws.id), { cookie: w.owner.cookie, form: { intent: "rename", kind: "document", id: docId, name: "Inny.pdf" } }), {
      workspaceId: w.ws.id,
    });
    expect(renameFromList.status).toBe(409);
    expect((renameFromList.data as ActionAnswer).error).toMatch(/^library\.lock\.lockedBy\|/);
    expect(await db.document.findUniqueOrThrow({ where: { id: docId } })).toMatchObject({ name: "Budżet.pdf", folderId: null, deletedAt: null });

    // The lock's owner may rename and uploads the new version, which releases the lock.
    const mine = await upload(w.author.cookie, w.ws.id, { name: "Budżet.pdf", content: pdf("v2 od Adama") }, { documentId: docId });
    expect(mine.data).toMatchObject({ ok: true, number: 2 });
    doc = await db.document.findUniqueOrThrow({ where: { id: docId } });
    expect(doc).toMatchObject({ lockedById: null, lockedAt: null, currentVersion: 2 });
    expect((await db.auditLog.findMany({ where: { entityId: docId, action: { in: ["library.document.lock", "library.document.unlock"] } }, orderBy: { createdAt: "asc" } })).map((a) => a.action)).toEqual([
      "library.document.lock",
      "library.document.unlock",
    ]);
    expect((await upload(w.editor.cookie, w.ws.id, { name: "Budżet.pdf", content: pdf("v3") }, { documentId: docId })).data).toMatchObject({ ok: true, number: 3 });
  });

  it("only the lock's owner or an OWNER releases it; a VIEWER cannot lock", async () => {
    const w = await world();
    const docId = (await upload(w.author.cookie, w.ws.id, { name: "Mapa.pdf", content: pdf("v1") })).data.documentId;
    expect((await act(w.viewer.cookie, w.ws.id, docId, { intent: "lock" })).status).toBe(403);
    expect((await act(w.author.cookie, w.ws.id, docId, { intent: "lock" })).status).toBe(200);
    const second = await act(w.editor.cookie, w.ws.id, docId, { intent: "lock" });
    expect(second.status).toBe(409);
    expect(second.data.error).toMatch(/^library\.lock\.lockedBy\|/);
    expect((await act(w.editor.cookie, w.ws.id, docId, { intent: "unlock" })).status).toBe(403);
    expect((await db.document.findUniqueOrThrow({ where: { id: docId } })).lockedById).toBe(w.author.id);

    const released = await act(w.owner.cookie, w.ws.id, docId, { intent: "unlock" });
    expect(released.status).toBe(200);
    expect((await db.document.findUniqueOrThrow({ where: { id: docId } })).lockedById).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "library.document.unlock", entityId: docId } });
    expect(audit).toMatchObject({ actorId: w.owner.id, summary: "Mapa.pdf — Adam Autor" });
    expect((await act(w.owner.cookie, w.ws.id, docId, { intent: "unlock" })).status).toBe(409);

    // The lock's owner releases their own.
    await act(w.editor.cookie, w.ws.id, docId, { intent: "lock" });
    expect((await act(w.editor.cookie, w.ws.id, docId, { intent: "unlock" })).status).toBe(200);
  });

  it("a folder with a file someone else is editing does not go to the trash", async () => {
    const w = await world();
    await run(rootRoute.action, makeRequest(libraryUrls.root(w.ws.id), { cookie: w.editor.cookie, form: { intent: "createFolder", name: "Analizy" } }), { workspaceId: w.ws.id });
    const folderId = (await db.folder.findFirstOrThrow({ where: { name: "Analizy" } })).id;
    const docId = (await upload(w.author.cookie, w.ws.id, { name: "Analiza.pdf", content: pdf("v1") }, { folderId })).data.documentId;
    await act(w.author.cookie, w.ws.id, docId, { intent: "lock" });
    const trash = await run(folderRoute.action, makeRequest(libraryUrls.folder(w.ws.id, folderId), { cookie: w.owner.cookie, form: { intent: "trash", kind: "folder", id: folderId } }), {
      workspaceId: w.ws.id,
      folderId,
    });
    expect(trash.status).toBe(409);
    expect((trash.data as ActionAnswer).error).toMatch(/^library\.lock\.folderHasLocked\|/);
    expect((await db.folder.findUniqueOrThrow({ where: { id: folderId } })).deletedAt).toBeNull();
  });
});

describe("another institution", () => {
  it("gets 404 for every review and lock intent, and nothing changes", async () => {
    const w = await world();
    const docId = (await upload(w.author.cookie, w.ws.id, { name: "Tajne.pdf", content: pdf("v1") })).data.documentId;
    const intents: Record<string, string>[] = [
      { intent: "requestReview", reviewers: w.reviewer.id },
      { intent: "cancelReview" },
      { intent: "approve" },
      { intent: "return", comment: "x" },
      { intent: "return" },
      { intent: "lock" },
      { intent: "unlock" },
    ];
    for (const fields of intents) expect((await act(w.outsider.cookie, w.ws.id, docId, fields)).status, fields.intent).toBe(404);
    // Also while it is in review and checked out.
    await act(w.author.cookie, w.ws.id, docId, { intent: "requestReview", reviewers: w.reviewer.id });
    await act(w.author.cookie, w.ws.id, docId, { intent: "lock" });
    for (const fields of intents) expect((await act(w.outsider.cookie, w.ws.id, docId, fields)).status, fields.intent).toBe(404);
    expect(await db.document.findUniqueOrThrow({ where: { id: docId } })).toMatchObject({ status: "IN_REVIEW", lockedById: w.author.id });
    expect(await db.notification.count({ where: { userId: w.outsider.id } })).toBe(0);
  });
});
