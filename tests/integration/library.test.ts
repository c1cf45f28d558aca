// The document library through real requests: uploads (multipart, streamed), versions, restore,
// downloads and previews, folders, trash, purge — and who may see or change what.
import crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// Before any app module reads the configuration: a 1 MB upload limit (the store folder is
// per test file, from tests/setup/per-file.ts).
vi.hoisted(() => {
  process.env.UPLOAD_MAX_MB = "1";
});

import { db } from "~/utils/db.server";
import * as uploadRoute from "~/routes/przestrzenie.$workspaceId.biblioteka.wyslij";
import * as downloadRoute from "~/routes/przestrzenie.$workspaceId.pliki.$documentId.v.$number.pobierz";
import * as previewRoute from "~/routes/przestrzenie.$workspaceId.pliki.$documentId.v.$number.podglad";
import * as rootRoute from "~/routes/_app.przestrzenie.$workspaceId.biblioteka._index";
import * as folderRoute from "~/routes/_app.przestrzenie.$workspaceId.biblioteka.folder.$folderId";
import * as fileRoute from "~/routes/_app.przestrzenie.$workspaceId.biblioteka.plik.$documentId";
import * as trashRoute from "~/routes/_app.przestrzenie.$workspaceId.biblioteka.kosz";
import { libraryUrls } from "~/modules/library/library-urls";
import { purgeExpiredTrash } from "~/modules/library/library.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { storedFiles } from "../store";
import { makeRequest, run, testContext } from "../http";
import { countStatements } from "../query-count";


const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const pdf = (text: string, padTo = 0) => {
  const head = Buffer.from(`%PDF-1.7\n% ${text}\n`);
  return padTo > head.length ? Buffer.concat([head, Buffer.alloc(padTo - head.length, 0x20)]) : head;
};
const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(8000, 0), Buffer.from("This program cannot be run in DOS mode.")]);

/** A workspace of BKPPT (its people are EDITORs through the institution) with an owner and a viewer. */
async function world() {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const rig = await buildInstitution({ shortName: "RIG" });
  const owner = await buildUser({ institutionId: bkppt.id, name: "Olga Właścicielka" });
  const editor = await buildUser({ institutionId: bkppt.id, name: "Edward Edytor" });
  const viewer = await buildUser({ institutionId: rig.id, name: "Wiktor Czytelnik" });
  const outsider = await buildUser({ institutionId: rig.id, name: "Obcy z RIG" });
  const ws = await db.workspace.create({
    data: {
      name: "Strategia transformacji",
      owningInstitutionId: bkppt.id,
      createdById: owner.id,
      members: { create: [{ userId: owner.id, role: "OWNER" }, { userId: viewer.id, role: "VIEWER" }] },
      institutions: { create: [{ institutionId: bkppt.id, role: "EDITOR" }] },
    },
  });
  const other = await db.workspace.create({
    data: { name: "Inna przestrzeń", owningInstitutionId: rig.id, createdById: outsider.id, members: { create: [{ userId: outsider.id, role: "OWNER" }] } },
  });
  return {
    ws,
    other,
    owner: { ...owner, cookie: await loginAs(owner.id) },
    editor: { ...editor, cookie: await loginAs(editor.id) },
    viewer: { ...viewer, cookie: await loginAs(viewer.id) },
    outsider: { ...outsider, cookie: await loginAs(outsider.id) },
  };
}

type UploadAnswer = { ok: boolean; error?: string; documentId: string; number: number; created: boolean };

async function upload(
  cookie: string,
  workspaceId: string,
  file: { name: string; content: Buffer },
  target: { folderId?: string | null; documentId?: string } = {},
  note?: string,
) {
  const form = new FormData();
  if (note) form.append("note", note);
  form.append("file", new Blob([new Uint8Array(file.content)]), file.name);
  const request = new Request(`http://razem.test${libraryUrls.upload(workspaceId, target)}`, { method: "POST", headers: { Cookie: cookie }, body: form });
  const res = await run(uploadRoute.action, request, { workspaceId });
  return { status: res.status, data: res.data as UploadAnswer };
}

/** Calls a file route's loader and returns the raw Response (body still a stream). */
async function fetchFile(route: typeof downloadRoute, cookie: string, workspaceId: string, documentId: string, number: number, kind: "download" | "preview" = "download") {
  const url = kind === "download" ? libraryUrls.download(workspaceId, documentId, number) : libraryUrls.preview(workspaceId, documentId, number);
  try {
    return (await route.loader({ request: makeRequest(url, { cookie }), params: { workspaceId, documentId, number: String(number) }, context: testContext })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const form = (cookie: string, url: string, fields: Record<string, string>) => makeRequest(url, { cookie, form: fields });

describe("document library", () => {
  it("uploads a file, a same-named upload becomes version 2, restoring version 1 makes version 3 with its content", async () => {
    const { ws, editor, owner } = await world();
    const v1 = pdf("pierwsza wersja strategii");
    const first = await upload(editor.cookie, ws.id, { name: "Strategia – Bełchatów.pdf", content: v1 });
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({ ok: true, number: 1, created: true });
    const docId = first.data.documentId;

    const v2 = pdf("druga wersja, po konsultacjach", 5000);
    const second = await upload(owner.cookie, ws.id, { name: "strategia – bełchatów.pdf", content: v2 });
    expect(second.status).toBe(200);
    expect(second.data).toMatchObject({ ok: true, documentId: docId, number: 2, created: false });

    let doc = await db.document.findUniqueOrThrow({ where: { id: docId }, include: { versions: { orderBy: { number: "asc" } } } });
    expect(doc).toMatchObject({ name: "Strategia – Bełchatów.pdf", nameKey: "strategia – belchatow.pdf", currentVersion: 2, mimeType: "application/pdf", size: BigInt(v2.length) });
    expect(doc.versions.map((v) => v.sha256)).toEqual([sha(v1), sha(v2)]);
    expect(doc.versions[0].storageKey).not.toContain("Strategia");
    expect(storedFiles()).toHaveLength(2);

    const restored = await run(fileRoute.action, form(editor.cookie, libraryUrls.file(ws.id, docId), { intent: "restoreVersion", number: "1", note: "Wracamy do pierwszej" }), {
      workspaceId: ws.id,
      documentId: docId,
    });
    expect(restored.status).toBe(200);
    doc = await db.document.findUniqueOrThrow({ where: { id: docId }, include: { versions: { orderBy: { number: "asc" } } } });
    expect(doc.currentVersion).toBe(3);
    expect(doc.size).toBe(BigInt(v1.length));
    expect(doc.versions[2]).toMatchObject({ number: 3, sha256: sha(v1), restoredFrom: 1, note: "Wracamy do pierwszej", createdById: editor.id });
    expect(doc.versions[2].storageKey).not.toBe(doc.versions[0].storageKey);
    expect(doc.versions[0].sha256).toBe(sha(v1));

    // Every version stays downloadable, current one under its plain name.
    const current = await fetchFile(downloadRoute, editor.cookie, ws.id, docId, 3);
    expect(current.status).toBe(200);
    expect(Buffer.from(await current.arrayBuffer()).equals(v1)).toBe(true);
    expect(current.headers.get("Content-Disposition")).toBe(`attachment; filename="Strategia _ Belchatow.pdf"; filename*=UTF-8''Strategia%20%E2%80%93%20Be%C5%82chat%C3%B3w.pdf`);
    expect(current.headers.get("Content-Type")).toBe("application/pdf");
    expect(current.headers.get("Content-Length")).toBe(String(v1.length));
    expect(current.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const old = await fetchFile(downloadRoute, editor.cookie, ws.id, docId, 2);
    expect(Buffer.from(await old.arrayBuffer()).equals(v2)).toBe(true);
    expect(old.headers.get("Content-Disposition")).toContain("(v2).pdf");
    expect((await fetchFile(downloadRoute, editor.cookie, ws.id, docId, 9)).status).toBe(404);

    const audit = await db.auditLog.findMany({ where: { entityType: "Document", entityId: docId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["library.document.upload", "library.document.version", "library.document.restoreVersion"]);
    expect(audit.map((a) => a.actorId)).toEqual([editor.id, owner.id, editor.id]);

    const page = await run(fileRoute.loader, makeRequest(libraryUrls.file(ws.id, docId), { cookie: editor.cookie }), { workspaceId: ws.id, documentId: docId });
    expect(page.data).toMatchObject({ document: { currentVersion: 3, versions: [{ number: 3, restoredFrom: 1 }, { number: 2 }, { number: 1 }] } });
    expect(JSON.stringify(page.data)).not.toContain(doc.versions[0].storageKey);
  });

  it("'Wyślij nową wersję' adds a version with a note and keeps the type", async () => {
    const { ws, editor } = await world();
    const first = await upload(editor.cookie, ws.id, { name: "Protokół.txt", content: Buffer.from("Obecni: BKPPT, FRGK\n") });
    const docId = first.data.documentId;
    const next = await upload(editor.cookie, ws.id, { name: "protokol-poprawiony.txt", content: Buffer.from("Obecni: BKPPT, FRGK, RIG\n") }, { documentId: docId }, "Dopisano RIG");
    expect(next.data).toMatchObject({ ok: true, number: 2, created: false });
    expect(await db.documentVersion.findFirst({ where: { documentId: docId, number: 2 } })).toMatchObject({ note: "Dopisano RIG", originalName: "protokol-poprawiony.txt" });
    expect((await db.document.findUniqueOrThrow({ where: { id: docId } })).name).toBe("Protokół.txt");

    const wrongType = await upload(editor.cookie, ws.id, { name: "obraz.png", content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }, { documentId: docId });
    expect(wrongType.status).toBe(409);
    expect(wrongType.data.error).toMatch(/^library\.version\.typeMismatch\|/);
    expect(storedFiles()).toHaveLength(2);

    // Text previews are plain text (escaped by React), never HTML.
    const page = await run(fileRoute.loader, makeRequest(libraryUrls.file(ws.id, docId), { cookie: editor.cookie }), { workspaceId: ws.id, documentId: docId });
    expect(page.data).toMatchObject({ textPreview: { text: "Obecni: BKPPT, FRGK, RIG\n", truncated: false } });
  });

  it("a user of another institution gets 404 for the library, folder, file, version download and preview", async () => {
    const { ws, editor, outsider } = await world();
    const folder = await run(rootRoute.action, form(editor.cookie, libraryUrls.root(ws.id), { intent: "createFolder", name: "Analizy" }), { workspaceId: ws.id });
    expect(folder.status).toBe(200);
    const folderId = (await db.folder.findFirstOrThrow({ where: { name: "Analizy" } })).id;
    const docId = (await upload(editor.cookie, ws.id, { name: "Analiza.pdf", content: pdf("analiza") }, { folderId })).data.documentId;

    const c = outsider.cookie;
    expect((await run(rootRoute.loader, makeRequest(libraryUrls.root(ws.id), { cookie: c }), { workspaceId: ws.id })).status).toBe(404);
    expect((await run(folderRoute.loader, makeRequest(libraryUrls.folder(ws.id, folderId), { cookie: c }), { workspaceId: ws.id, folderId })).status).toBe(404);
    expect((await run(fileRoute.loader, makeRequest(libraryUrls.file(ws.id, docId), { cookie: c }), { workspaceId: ws.id, documentId: docId })).status).toBe(404);
    expect((await run(trashRoute.loader, makeRequest(libraryUrls.trash(ws.id), { cookie: c }), { workspaceId: ws.id })).status).toBe(404);
    expect((await fetchFile(downloadRoute, c, ws.id, docId, 1)).status).toBe(404);
    expect((await fetchFile(previewRoute, c, ws.id, docId, 1, "preview")).status).toBe(404);
    expect((await upload(c, ws.id, { name: "wrzuta.pdf", content: pdf("x") })).status).toBe(404);
    expect((await run(rootRoute.action, form(c, libraryUrls.root(ws.id), { intent: "trash", kind: "document", id: docId }), { workspaceId: ws.id })).status).toBe(404);

    // Their own workspace does not reach into ours either: the ids are scoped to the workspace.
    const theirs = outsider.cookie;
    const other = (await db.workspace.findFirstOrThrow({ where: { name: "Inna przestrzeń" } })).id;
    expect((await run(folderRoute.loader, makeRequest(libraryUrls.folder(other, folderId), { cookie: theirs }), { workspaceId: other, folderId })).status).toBe(404);
    expect((await run(fileRoute.loader, makeRequest(libraryUrls.file(other, docId), { cookie: theirs }), { workspaceId: other, documentId: docId })).status).toBe(404);
    expect((await fetchFile(downloadRoute, theirs, other, docId, 1)).status).toBe(404);
    expect((await fetchFile(previewRoute, theirs, other, docId, 1, "preview")).status).toBe(404);
    expect((await upload(theirs, other, { name: "x.pdf", content: pdf("x") }, { folderId })).status).toBe(404);
    expect((await upload(theirs, other, { name: "x.pdf", content: pdf("x") }, { documentId: docId })).status).toBe(404);
    expect((await run(rootRoute.action, form(theirs, libraryUrls.root(other), { intent: "trash", kind: "document", id: docId }), { workspaceId: other })).status).toBe(404);
    expect((await db.document.findUniqueOrThrow({ where: { id: docId } })).deletedAt).toBeNull();

    // Signed out: the download sends to sign-in, the upload answers 401.
    expect((await fetchFile(downloadRoute, "", ws.id, docId, 1)).status).toBe(302);
    expect((await upload("", ws.id, { name: "x.pdf", content: pdf("x") })).status).toBe(401);
    expect(storedFiles()).toHaveLength(1);
  });

  it("a VIEWER cannot upload or change anything (403) but can browse, download and preview", async () => {
    const { ws, editor, viewer } = await world();
    const docId = (await upload(editor.cookie, ws.id, { name: "Mapa.png", content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]) })).data.documentId;

    const refused = await upload(viewer.cookie, ws.id, { name: "moje.pdf", content: pdf("x") });
    expect(refused.status).toBe(403);
    expect(refused.data.error).toBe("library.upload.forbidden");
    expect((await upload(viewer.cookie, ws.id, { name: "Mapa.png", content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) }, { documentId: docId })).status).toBe(403);
    const attempts: Record<string, string>[] = [
      { intent: "createFolder", name: "Moje" },
      { intent: "rename", kind: "document", id: docId, name: "Inna.png" },
      { intent: "move", kind: "document", id: docId, targetFolderId: "root" },
      { intent: "trash", kind: "document", id: docId },
    ];
    for (const fields of attempts) {
      expect((await run(rootRoute.action, form(viewer.cookie, libraryUrls.root(ws.id), fields), { workspaceId: ws.id })).status).toBe(403);
    }
    expect((await run(fileRoute.action, form(viewer.cookie, libraryUrls.file(ws.id, docId), { intent: "restoreVersion", number: "1" }), { workspaceId: ws.id, documentId: docId })).status).toBe(403);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: viewer.id } })).toBe(7);

    const list = await run(rootRoute.loader, makeRequest(libraryUrls.root(ws.id), { cookie: viewer.cookie }), { workspaceId: ws.id });
    expect(list.data).toMatchObject({ documents: [{ id: docId, name: "Mapa.png" }], can: { add: false, edit: false, delete: false } });
    const download = await fetchFile(downloadRoute, viewer.cookie, ws.id, docId, 1);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(download.headers.get("Cache-Control")).toBe("private, no-cache, no-transform");
    await download.body?.cancel();
    // Versions never change: the SHA-256 is the ETag, a repeated download can be a 304.
    const etag = download.headers.get("ETag")!;
    const again = await downloadRoute.loader({
      request: makeRequest(libraryUrls.download(ws.id, docId, 1), { cookie: viewer.cookie, headers: { "If-None-Match": etag } }),
      params: { workspaceId: ws.id, documentId: docId, number: "1" },
      context: testContext,
    });
    expect((again as Response).status).toBe(304);
    const preview = await fetchFile(previewRoute, viewer.cookie, ws.id, docId, 1, "preview");
    expect(preview.status).toBe(200);
    expect(preview.headers.get("Content-Type")).toBe("image/png");
    expect(preview.headers.get("Content-Disposition")).toMatch(/^inline;/);
  });

  it("previews only PDFs and images inline", async () => {
    const { ws, editor } = await world();
    const txt = (await upload(editor.cookie, ws.id, { name: "notatka.md", content: Buffer.from("<script>alert(1)</script>") })).data.documentId;
    expect((await fetchFile(previewRoute, editor.cookie, ws.id, txt, 1, "preview")).status).toBe(404);
    const doc = (await upload(editor.cookie, ws.id, { name: "uchwała.pdf", content: pdf("uchwała") })).data.documentId;
    const res = await fetchFile(previewRoute, editor.cookie, ws.id, doc, 1, "preview");
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toMatch(/^inline; filename="uchwala.pdf"; filename\*=UTF-8''uchwa%C5%82a.pdf$/);
  });

  it("refuses an EXE renamed to .pdf, an oversized file (413) and a wrong type, leaving no stored file", async () => {
    const { ws, editor } = await world();
    const fake = await upload(editor.cookie, ws.id, { name: "faktura.pdf", content: exe });
    expect(fake.status).toBe(415);
    expect(fake.data.error).toMatch(/^library\.upload\.contentMismatch\|/);
    expect(JSON.parse(fake.data.error!.split("|")[1])).toMatchObject({ name: "faktura.pdf", type: "PDF" });

    const big = await upload(editor.cookie, ws.id, { name: "duży.pdf", content: pdf("duży", 1024 * 1024 + 10) });
    expect(big.status).toBe(413);
    expect(big.data.error).toBe('library.upload.tooLarge|{"max":1}');

    const exeByName = await upload(editor.cookie, ws.id, { name: "instalator.exe", content: exe });
    expect(exeByName.status).toBe(415);

    expect(storedFiles()).toEqual([]);
    expect(await db.document.count()).toBe(0);
    expect(await db.documentVersion.count()).toBe(0);
  });

  it("keeps names unique per folder, moves and renames files and folders, and never moves a folder into itself", async () => {
    const { ws, editor } = await world();
    const ctx = { workspaceId: ws.id };
    const post = (fields: Record<string, string>) => run(rootRoute.action, form(editor.cookie, libraryUrls.root(ws.id), fields), ctx);
    expect((await post({ intent: "createFolder", name: "Protokoły" })).status).toBe(200);
    const dup = await post({ intent: "createFolder", name: "protokoły" });
    expect(dup.status).toBe(409);
    expect(dup.data).toMatchObject({ error: 'library.name.taken|{"name":"Protokoły","folder":""}' });
    expect((await post({ intent: "createFolder", name: "a/b" })).data).toMatchObject({ errors: { name: "library.name.noSlash" } });

    const protokoly = await db.folder.findFirstOrThrow({ where: { name: "Protokoły" } });
    const sub = await run(folderRoute.action, form(editor.cookie, libraryUrls.folder(ws.id, protokoly.id), { intent: "createFolder", name: "2026" }), { workspaceId: ws.id, folderId: protokoly.id });
    expect(sub.status).toBe(200);
    const y2026 = await db.folder.findFirstOrThrow({ where: { name: "2026" } });
    expect((await post({ intent: "move", kind: "folder", id: protokoly.id, targetFolderId: y2026.id })).data).toMatchObject({ error: expect.stringMatching(/^library\.move\.intoItself/) });
    expect((await post({ intent: "move", kind: "folder", id: protokoly.id, targetFolderId: protokoly.id })).status).toBe(409);

    const docId = (await upload(editor.cookie, ws.id, { name: "Spotkanie.txt", content: Buffer.from("notatki") })).data.documentId;
    await upload(editor.cookie, ws.id, { name: "Spotkanie.txt", content: Buffer.from("inne notatki") }, { folderId: y2026.id });
    const clash = await post({ intent: "move", kind: "document", id: docId, targetFolderId: y2026.id });
    expect(clash.status).toBe(409);
    expect(clash.data).toMatchObject({ error: 'library.name.takenIn|{"name":"Spotkanie.txt","folder":"2026"}' });

    // Renaming keeps the extension; then the move goes through.
    expect((await post({ intent: "rename", kind: "document", id: docId, name: "Spotkanie w Kleszczowie" })).status).toBe(200);
    expect(await db.document.findUniqueOrThrow({ where: { id: docId } })).toMatchObject({ name: "Spotkanie w Kleszczowie.txt", nameKey: "spotkanie w kleszczowie.txt" });
    expect((await post({ intent: "move", kind: "document", id: docId, targetFolderId: y2026.id })).status).toBe(200);
    expect((await db.document.findUniqueOrThrow({ where: { id: docId } })).folderId).toBe(y2026.id);
    expect((await post({ intent: "rename", kind: "folder", id: y2026.id, name: "Rok 2026" })).status).toBe(200);

    const view = await run(folderRoute.loader, makeRequest(`${libraryUrls.folder(ws.id, y2026.id)}?sort=name`, { cookie: editor.cookie }), { workspaceId: ws.id, folderId: y2026.id });
    expect(view.data).toMatchObject({
      folder: { name: "Rok 2026" },
      path: [{ name: "Protokoły" }, { name: "Rok 2026" }],
      documents: [{ name: "Spotkanie w Kleszczowie.txt" }, { name: "Spotkanie.txt" }],
    });
    const actions = (await db.auditLog.findMany({ where: { action: { startsWith: "library." } }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual([
      "library.folder.create",
      "library.folder.create",
      "library.document.upload",
      "library.document.upload",
      "library.document.rename",
      "library.document.move",
      "library.folder.rename",
    ]);

    // An upload named like a folder next to it is a clash, not a version.
    await post({ intent: "createFolder", name: "Mapy.zip" });
    const folderClash = await upload(editor.cookie, ws.id, { name: "mapy.ZIP", content: Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0]) });
    expect(folderClash.status).toBe(409);
    expect(folderClash.data.error).toBe('library.upload.folderClash|{"name":"Mapy.zip"}');
    expect(storedFiles()).toHaveLength(2);
  });

  it("sorts and pages a folder with a fixed number of queries", async () => {
    const { ws, editor } = await world();
    const docs = Array.from({ length: 55 }, (_, i) => ({
      workspaceId: ws.id,
      name: `Plik ${String(i).padStart(2, "0")}.txt`,
      nameKey: `plik ${String(i).padStart(2, "0")}.txt`,
      mimeType: "text/plain",
      size: BigInt(1000 + i),
      createdById: editor.id,
    }));
    await db.document.createMany({ data: docs });
    const list = (query: string) => run(rootRoute.loader, makeRequest(`${libraryUrls.root(ws.id)}${query}`, { cookie: editor.cookie }), { workspaceId: ws.id });
    const first = (await list("")).data as { documents: { name: string }[]; page: { total: number; pageCount: number } };
    expect(first.documents).toHaveLength(50);
    expect(first.documents[0].name).toBe("Plik 00.txt");
    expect(first.page).toMatchObject({ total: 55, pageCount: 2 });
    const second = (await list("?page=2")).data as { documents: { name: string }[] };
    expect(second.documents.map((d) => d.name)).toEqual(["Plik 50.txt", "Plik 51.txt", "Plik 52.txt", "Plik 53.txt", "Plik 54.txt"]);
    const bySize = (await list("?sort=size&dir=desc")).data as { documents: { name: string; size: number }[] };
    expect(bySize.documents[0]).toMatchObject({ name: "Plik 54.txt", size: 1054 });
  });

  it("folder, file and trash pages cost the same number of statements for few and many items", async () => {
    const { ws, editor } = await world();
    const ctx = { workspaceId: ws.id };
    // A folder three levels deep.
    let parentId: string | null = null;
    for (const name of ["A", "B", "C"]) {
      const folder: { id: string } = await db.folder.create({ data: { workspaceId: ws.id, parentId, name, createdById: editor.id } });
      parentId = folder.id;
    }
    const folderId = parentId!;
    const docId = (await upload(editor.cookie, ws.id, { name: "Plan.txt", content: Buffer.from("v1") }, { folderId })).data.documentId;
    let n = 0;
    const addItems = async (count: number) => {
      for (let i = 0; i < count; i++, n++) {
        await upload(editor.cookie, ws.id, { name: `Plik ${n}.txt`, content: Buffer.from(`${n}`) }, { folderId });
        await upload(editor.cookie, ws.id, { name: "Plan.txt", content: Buffer.from(`v${n + 2}`) }, { folderId });
        await db.document.create({
          data: { workspaceId: ws.id, folderId, name: `Usunięty ${n}.txt`, nameKey: `usuniety ${n}.txt`, mimeType: "text/plain", size: 1n, createdById: editor.id, deletedAt: new Date(), deletedById: editor.id },
        });
      }
    };
    const measure = async () => ({
      folder: await countStatements(async () => {
        expect((await run(folderRoute.loader, makeRequest(libraryUrls.folder(ws.id, folderId), { cookie: editor.cookie }), { ...ctx, folderId })).status).toBe(200);
      }),
      file: await countStatements(async () => {
        expect((await run(fileRoute.loader, makeRequest(libraryUrls.file(ws.id, docId), { cookie: editor.cookie }), { ...ctx, documentId: docId })).status).toBe(200);
      }),
      trash: await countStatements(async () => {
        expect((await run(trashRoute.loader, makeRequest(libraryUrls.trash(ws.id), { cookie: editor.cookie }), ctx)).status).toBe(200);
      }),
    });
    await addItems(3);
    const few = await measure();
    await addItems(25);
    const many = await measure();
    expect(many).toEqual(few);
  }, 60_000);

  it("trashing a folder takes its contents along; restoring it brings them back; the trash lists who and when", async () => {
    const { ws, editor, owner, viewer } = await world();
    const post = (cookie: string, fields: Record<string, string>) => run(rootRoute.action, form(cookie, libraryUrls.root(ws.id), fields), { workspaceId: ws.id });
    await post(editor.cookie, { intent: "createFolder", name: "Konsultacje" });
    const folder = await db.folder.findFirstOrThrow({ where: { name: "Konsultacje" } });
    await run(folderRoute.action, form(editor.cookie, libraryUrls.folder(ws.id, folder.id), { intent: "createFolder", name: "Ankiety" }), { workspaceId: ws.id, folderId: folder.id });
    const inner = await db.folder.findFirstOrThrow({ where: { name: "Ankiety" } });
    const a = (await upload(editor.cookie, ws.id, { name: "Wyniki.csv", content: Buffer.from("gmina;głosy\nKleszczów;12\n") }, { folderId: folder.id })).data.documentId;
    const b = (await upload(editor.cookie, ws.id, { name: "Ankieta.pdf", content: pdf("ankieta") }, { folderId: inner.id })).data.documentId;
    // Trashed on its own earlier: stays in the trash when the folder comes back.
    const c = (await upload(editor.cookie, ws.id, { name: "Stara.pdf", content: pdf("stara") }, { folderId: inner.id })).data.documentId;
    expect((await post(editor.cookie, { intent: "trash", kind: "document", id: c })).status).toBe(200);

    expect((await post(editor.cookie, { intent: "trash", kind: "folder", id: folder.id })).status).toBe(200);
    expect(await db.folder.findUniqueOrThrow({ where: { id: inner.id } })).toMatchObject({ trashedWithId: folder.id, deletedById: editor.id });
    expect(await db.document.findUniqueOrThrow({ where: { id: b } })).toMatchObject({ trashedWithId: folder.id });
    expect(await db.document.findUniqueOrThrow({ where: { id: c } })).toMatchObject({ trashedWithId: null });
    expect((await run(folderRoute.loader, makeRequest(libraryUrls.folder(ws.id, inner.id), { cookie: editor.cookie }), { workspaceId: ws.id, folderId: inner.id })).status).toBe(404);
    expect((await fetchFile(downloadRoute, editor.cookie, ws.id, b, 1)).status).toBe(404);

    const trash = await run(trashRoute.loader, makeRequest(libraryUrls.trash(ws.id), { cookie: viewer.cookie }), { workspaceId: ws.id });
    expect(trash.data).toMatchObject({
      rows: [
        { kind: "folder", id: folder.id, name: "Konsultacje", deletedBy: "Edward Edytor", itemsInside: 3, location: [] },
        { kind: "document", id: c, name: "Stara.pdf", deletedBy: "Edward Edytor", location: ["Konsultacje", "Ankiety"] },
      ],
      can: { restore: false, purge: false },
    });

    // Only an OWNER restores.
    const restoreFields = { intent: "restore", kind: "folder", id: folder.id };
    expect((await run(trashRoute.action, form(editor.cookie, libraryUrls.trash(ws.id), restoreFields), { workspaceId: ws.id })).status).toBe(403);
    expect((await run(trashRoute.action, form(owner.cookie, libraryUrls.trash(ws.id), restoreFields), { workspaceId: ws.id })).status).toBe(200);
    for (const id of [a, b]) expect(await db.document.findUniqueOrThrow({ where: { id } })).toMatchObject({ deletedAt: null, trashedWithId: null });
    expect(await db.folder.findUniqueOrThrow({ where: { id: inner.id } })).toMatchObject({ deletedAt: null });
    expect((await db.document.findUniqueOrThrow({ where: { id: c } })).deletedAt).not.toBeNull();

    const audit = (await db.auditLog.findMany({ where: { entityId: folder.id }, orderBy: { createdAt: "asc" } })).map((r) => r.action);
    expect(audit).toEqual(["library.folder.create", "library.folder.trash", "library.folder.restore"]);
  });

  it("purging removes the rows and the stored files of all versions; purgeExpiredTrash does it after 30 days", async () => {
    const { ws, editor, owner } = await world();
    const post = (fields: Record<string, string>) => run(rootRoute.action, form(editor.cookie, libraryUrls.root(ws.id), fields), { workspaceId: ws.id });
    const doc = (await upload(editor.cookie, ws.id, { name: "Wniosek FST.pdf", content: pdf("v1") })).data.documentId;
    await upload(editor.cookie, ws.id, { name: "Wniosek FST.pdf", content: pdf("v2") });
    const keep = (await upload(editor.cookie, ws.id, { name: "Zostaje.pdf", content: pdf("zostaje") })).data.documentId;
    expect(storedFiles()).toHaveLength(3);
    await post({ intent: "trash", kind: "document", id: doc });

    expect((await run(trashRoute.action, form(editor.cookie, libraryUrls.trash(ws.id), { intent: "purge", kind: "document", id: doc }), { workspaceId: ws.id })).status).toBe(403);
    const purged = await run(trashRoute.action, form(owner.cookie, libraryUrls.trash(ws.id), { intent: "purge", kind: "document", id: doc }), { workspaceId: ws.id });
    expect(purged.status).toBe(200);
    expect(await db.document.findUnique({ where: { id: doc } })).toBeNull();
    expect(await db.documentVersion.count({ where: { documentId: doc } })).toBe(0);
    expect(storedFiles()).toHaveLength(1);
    expect(await db.auditLog.findFirst({ where: { action: "library.document.purge", entityId: doc } })).toMatchObject({ actorId: owner.id, summary: "Wniosek FST.pdf" });

    // Retention: a folder trashed 31 days ago goes with everything in it; a fresh one stays.
    await post({ intent: "createFolder", name: "Archiwum" });
    const archive = await db.folder.findFirstOrThrow({ where: { name: "Archiwum" } });
    const old = (await upload(editor.cookie, ws.id, { name: "Stary.pdf", content: pdf("stary") }, { folderId: archive.id })).data.documentId;
    await post({ intent: "trash", kind: "folder", id: archive.id });
    const recent = (await upload(editor.cookie, ws.id, { name: "Świeży.pdf", content: pdf("świeży") })).data.documentId;
    await post({ intent: "trash", kind: "document", id: recent });
    const longAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
    await db.folder.update({ where: { id: archive.id }, data: { deletedAt: longAgo } });
    await db.document.update({ where: { id: old }, data: { deletedAt: longAgo } });
    expect(storedFiles()).toHaveLength(3);

    expect(await purgeExpiredTrash()).toEqual({ folders: 1, documents: 1, files: 1 });
    expect(await db.folder.findUnique({ where: { id: archive.id } })).toBeNull();
    expect(await db.document.findUnique({ where: { id: old } })).toBeNull();
    expect(await db.document.findUnique({ where: { id: recent } })).not.toBeNull();
    expect(await db.document.findUnique({ where: { id: keep } })).not.toBeNull();
    expect(storedFiles()).toHaveLength(2);
    expect(await db.auditLog.findFirst({ where: { action: "library.folder.purge", entityId: archive.id } })).toMatchObject({ actorId: null, actorLabel: "system: trash retention" });
    expect(await purgeExpiredTrash()).toEqual({ folders: 0, documents: 0, files: 0 });
  });
});
