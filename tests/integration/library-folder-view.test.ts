// The folder view's filters (type, author, review status — URL parameters, combined with sort and
// pages, unknown values ignored, a fixed number of queries) and moving by drag and drop, which
// posts the same "move" intent to the folder page's action as the "Przenieś do…" dialog.
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { foldText } from "~/utils/text";
import * as rootRoute from "~/routes/_app.przestrzenie.$workspaceId.biblioteka._index";
import * as folderRoute from "~/routes/_app.przestrzenie.$workspaceId.biblioteka.folder.$folderId";
import type { DocumentStatus } from "~/generated/prisma/enums";
import { FILE_TYPES } from "~/modules/library/file-types";
import { libraryUrls } from "~/modules/library/library-urls";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";
import { countStatements } from "../query-count";

/** A BKPPT workspace (its people are EDITORs), an owner, a viewer, and someone of another workspace. */
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

type Doc = { name: string; mimeType: string; size?: number; status?: DocumentStatus; createdById: string; folderId?: string | null; updatedAt?: Date; deletedAt?: Date };

async function addDocs(workspaceId: string, docs: Doc[]) {
  await db.document.createMany({
    data: docs.map((d, i) => ({
      workspaceId,
      folderId: d.folderId ?? null,
      name: d.name,
      nameKey: foldText(d.name),
      mimeType: d.mimeType,
      size: BigInt(d.size ?? 1000 + i),
      status: d.status ?? "DRAFT",
      createdById: d.createdById,
      ...(d.updatedAt ? { updatedAt: d.updatedAt } : {}),
      ...(d.deletedAt ? { deletedAt: d.deletedAt, deletedById: d.createdById } : {}),
    })),
  });
}

type ListData = {
  documents: { name: string; author: string; status: string; mimeType: string }[];
  subfolders: { name: string }[];
  page: { total: number; page: number; pageCount: number };
  filters: { type: string | null; author: string | null; status: string | null };
  filtered: boolean;
  authors: { id: string; name: string }[];
  sort: string;
  dir: string;
};

const names = (data: ListData) => data.documents.map((d) => d.name);

describe("folder view filters", () => {
  it("filter by type group, author and review status, alone and together, with sort and pages", async () => {
    const { ws, owner, editor, viewer } = await world();
    const folder = await db.folder.create({ data: { workspaceId: ws.id, name: "Analizy", createdById: owner.id } });
    await addDocs(ws.id, [
      { name: "Diagnoza.pdf", mimeType: FILE_TYPES.pdf.mime, status: "APPROVED", createdById: owner.id },
      { name: "Uchwała.pdf", mimeType: FILE_TYPES.pdf.mime, status: "IN_REVIEW", createdById: editor.id },
      { name: "Wniosek.docx", mimeType: FILE_TYPES.docx.mime, status: "DRAFT", createdById: editor.id },
      { name: "Stary wniosek.doc", mimeType: FILE_TYPES.doc.mime, status: "APPROVED", createdById: owner.id },
      { name: "Notatka.odt", mimeType: FILE_TYPES.odt.mime, createdById: editor.id },
      { name: "Budżet.xlsx", mimeType: FILE_TYPES.xlsx.mime, createdById: owner.id },
      { name: "Prezentacja.pptx", mimeType: FILE_TYPES.pptx.mime, createdById: owner.id },
      { name: "Mapa.png", mimeType: FILE_TYPES.png.mime, createdById: editor.id },
      { name: "Dane.csv", mimeType: FILE_TYPES.csv.mime, createdById: editor.id },
      { name: "README.md", mimeType: FILE_TYPES.md.mime, status: "APPROVED", createdById: editor.id },
      { name: "Załączniki.zip", mimeType: FILE_TYPES.zip.mime, createdById: owner.id },
      { name: "Dziwny.bin", mimeType: "application/octet-stream", createdById: owner.id },
      // Not listed: in a subfolder, or in the trash.
      { name: "Głęboko.pdf", mimeType: FILE_TYPES.pdf.mime, createdById: owner.id, folderId: folder.id },
      { name: "Usunięty.pdf", mimeType: FILE_TYPES.pdf.mime, createdById: viewer.id, deletedAt: new Date() },
    ]);
    const list = async (query: string) => {
      const res = await run(rootRoute.loader, makeRequest(`${libraryUrls.root(ws.id)}${query}`, { cookie: editor.cookie }), { workspaceId: ws.id });
      expect(res.status, query).toBe(200);
      return res.data as ListData;
    };

    const all = await list("");
    expect(all.filtered).toBe(false);
    expect(all.page.total).toBe(12);
    expect(all.subfolders.map((f) => f.name)).toEqual(["Analizy"]);
    // Authors: people with live files anywhere in the workspace (not the one whose only file is in the trash).
    expect(all.authors.map((a) => a.name)).toEqual(["Edward Edytor", "Olga Właścicielka"]);

    expect(names(await list("?typ=pdf"))).toEqual(["Diagnoza.pdf", "Uchwała.pdf"]);
    expect(names(await list("?typ=word"))).toEqual(["Notatka.odt", "Stary wniosek.doc", "Wniosek.docx"]);
    expect(names(await list("?typ=spreadsheet"))).toEqual(["Budżet.xlsx"]);
    expect(names(await list("?typ=presentation"))).toEqual(["Prezentacja.pptx"]);
    expect(names(await list("?typ=image"))).toEqual(["Mapa.png"]);
    expect(names(await list("?typ=text"))).toEqual(["Dane.csv", "README.md"]);
    expect(names(await list("?typ=archive"))).toEqual(["Załączniki.zip"]);
    expect(names(await list("?typ=other"))).toEqual(["Dziwny.bin"]);

    const byOwner = await list(`?autor=${owner.id}`);
    expect(byOwner.filters).toEqual({ type: null, author: owner.id, status: null });
    expect(byOwner.documents.every((d) => d.author === "Olga Właścicielka")).toBe(true);
    expect(byOwner.page.total).toBe(6);
    // While filtering, subfolders are not listed (they have no type, author or status).
    expect(byOwner.subfolders).toEqual([]);
    expect(byOwner.filtered).toBe(true);

    expect(names(await list("?status=APPROVED"))).toEqual(["Diagnoza.pdf", "README.md", "Stary wniosek.doc"]);
    expect(names(await list("?status=IN_REVIEW"))).toEqual(["Uchwała.pdf"]);
    expect((await list("?status=DRAFT")).page.total).toBe(8);

    // Together, and with the sort.
    expect(names(await list(`?typ=pdf&status=APPROVED`))).toEqual(["Diagnoza.pdf"]);
    expect(names(await list(`?typ=word&autor=${owner.id}&status=APPROVED`))).toEqual(["Stary wniosek.doc"]);
    expect(names(await list(`?status=APPROVED&sort=name&dir=desc`))).toEqual(["Stary wniosek.doc", "README.md", "Diagnoza.pdf"]);
    const bySize = await list(`?autor=${editor.id}&sort=size&dir=asc`);
    expect(names(bySize)).toEqual(["Uchwała.pdf", "Wniosek.docx", "Notatka.odt", "Mapa.png", "Dane.csv", "README.md"]);
    expect(bySize).toMatchObject({ sort: "size", dir: "asc" });

    // Nothing matches: an empty page, not an error.
    const none = await list(`?typ=archive&autor=${editor.id}`);
    expect(none).toMatchObject({ documents: [], page: { total: 0 }, filtered: true });
  });

  it("pages filtered results (page size 50) and counts only matching files", async () => {
    const { ws, owner, editor } = await world();
    const docs: Doc[] = [];
    for (let i = 0; i < 60; i++) docs.push({ name: `Raport ${String(i).padStart(2, "0")}.pdf`, mimeType: FILE_TYPES.pdf.mime, createdById: i % 2 ? owner.id : editor.id });
    for (let i = 0; i < 10; i++) docs.push({ name: `Arkusz ${i}.xlsx`, mimeType: FILE_TYPES.xlsx.mime, createdById: owner.id });
    await addDocs(ws.id, docs);
    const list = async (query: string) => (await run(rootRoute.loader, makeRequest(`${libraryUrls.root(ws.id)}${query}`, { cookie: editor.cookie }), { workspaceId: ws.id })).data as ListData;

    const first = await list("?typ=pdf");
    expect(first.page).toMatchObject({ total: 60, page: 1, pageCount: 2 });
    expect(first.documents).toHaveLength(50);
    const second = await list("?typ=pdf&page=2");
    expect(names(second)).toEqual(Array.from({ length: 10 }, (_, i) => `Raport ${50 + i}.pdf`));

    const ownersPdfs = await list(`?typ=pdf&autor=${owner.id}&sort=name&dir=desc`);
    expect(ownersPdfs.page).toMatchObject({ total: 30, pageCount: 1 });
    expect(ownersPdfs.documents[0].name).toBe("Raport 59.pdf");
    expect(ownersPdfs.documents.at(-1)?.name).toBe("Raport 01.pdf");
    // A page past the end of the filtered list is empty, not an error.
    expect((await list(`?typ=xlsx&page=5`)).page.total).toBe(70); // "xlsx" is no group: ignored
    expect((await list(`?typ=spreadsheet&page=5`)).documents).toEqual([]);
  });

  it("ignores unknown or malformed parameters (never a 500) and an author with no files here", async () => {
    const { ws, other, editor, outsider } = await world();
    await addDocs(ws.id, [
      { name: "A.pdf", mimeType: FILE_TYPES.pdf.mime, createdById: editor.id },
      { name: "B.png", mimeType: FILE_TYPES.png.mime, createdById: editor.id },
    ]);
    await addDocs(other.id, [{ name: "Obcy.pdf", mimeType: FILE_TYPES.pdf.mime, createdById: outsider.id }]);
    const bad = [
      "?typ=exe",
      "?typ=PDF",
      "?typ=",
      "?typ[]=pdf",
      "?autor=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      `?autor=${"x".repeat(500)}`,
      `?autor=${outsider.id}`,
      "?autor=",
      "?status=approved",
      "?status=DELETED",
      "?status=%00",
      "?sort=evil&dir=sideways&page=-3",
      "?page=abc&typ=%F0%9F%92%A5",
      "?typ=pdf&typ=image",
    ];
    for (const query of bad) {
      const res = await run(rootRoute.loader, makeRequest(`${libraryUrls.root(ws.id)}${query}`, { cookie: editor.cookie }), { workspaceId: ws.id });
      expect(res.status, query).toBe(200);
      const data = res.data as ListData;
      if (query === "?typ=pdf&typ=image") {
        expect(names(data), query).toEqual(["A.pdf"]);
        continue;
      }
      expect(data.filters, query).toEqual({ type: null, author: null, status: null });
      expect(data.filtered, query).toBe(false);
      expect(data.page.total, query).toBe(2);
    }
    // The same in a subfolder.
    const folder = await db.folder.create({ data: { workspaceId: ws.id, name: "Pusty", createdById: editor.id } });
    const res = await run(folderRoute.loader, makeRequest(`${libraryUrls.folder(ws.id, folder.id)}?typ=zzz&status=1&autor=%20`, { cookie: editor.cookie }), {
      workspaceId: ws.id,
      folderId: folder.id,
    });
    expect(res.status).toBe(200);
  });

  it("a filtered folder page costs a fixed number of statements, for few and many files", async () => {
    const { ws, owner, editor } = await world();
    let parentId: string | null = null;
    for (const name of ["A", "B", "C"]) {
      const folder: { id: string } = await db.folder.create({ data: { workspaceId: ws.id, parentId, name, createdById: editor.id } });
      parentId = folder.id;
    }
    const folderId = parentId!;
    let n = 0;
    const addItems = async (count: number) => {
      const docs: Doc[] = [];
      for (let i = 0; i < count; i++, n++) {
        docs.push({ name: `Plik ${n}.pdf`, mimeType: FILE_TYPES.pdf.mime, createdById: n % 2 ? owner.id : editor.id, folderId, status: n % 3 ? "DRAFT" : "APPROVED" });
        docs.push({ name: `Obraz ${n}.png`, mimeType: FILE_TYPES.png.mime, createdById: editor.id, folderId });
        // More authors in the workspace: the author list must not cost a query each.
        const person = await buildUser({ name: `Autor ${n}` });
        docs.push({ name: `Cudzy ${n}.md`, mimeType: FILE_TYPES.md.mime, createdById: person.id });
      }
      await addDocs(ws.id, docs);
    };
    const queries = ["", `?typ=pdf`, `?typ=pdf&autor=${owner.id}&status=DRAFT&sort=updated&dir=asc`, `?typ=other&status=APPROVED`, `?typ=bogus&page=2`];
    const measure = async () => {
      const out: Record<string, number> = {};
      for (const q of queries) {
        out[q] = await countStatements(async () => {
          const res = await run(folderRoute.loader, makeRequest(`${libraryUrls.folder(ws.id, folderId)}${q}`, { cookie: editor.cookie }), { workspaceId: ws.id, folderId });
          expect(res.status, q).toBe(200);
        });
      }
      return out;
    };
    await addItems(3);
    const few = await measure();
    await addItems(30);
    const many = await measure();
    expect(many).toEqual(few);
    // Filters add no query to the page: the same cost with and without them.
    expect(new Set(Object.values(few)).size).toBe(1);
  }, 60_000);

  it("uses an index for each filter (type, author, status) inside a folder", async () => {
    const { ws, editor } = await world();
    const plan = async (column: string, value: string) => {
      const rows = await db.$queryRawUnsafe<{ detail: string }[]>(
        `EXPLAIN QUERY PLAN SELECT id FROM "Document" WHERE "workspaceId" = ? AND "folderId" IS NULL AND "deletedAt" IS NULL AND "${column}" = ?`,
        ws.id,
        value,
      );
      return rows.map((r) => r.detail).join(" | ");
    };
    expect(await plan("mimeType", "application/pdf")).toMatch(/USING (COVERING )?INDEX Document_workspaceId_folderId_deletedAt_mimeType_idx/);
    expect(await plan("status", "APPROVED")).toMatch(/USING (COVERING )?INDEX Document_workspaceId_folderId_deletedAt_status_idx/);
    expect(await plan("createdById", editor.id)).toMatch(/USING (COVERING )?INDEX Document_workspaceId_folderId_deletedAt_createdById_idx/);
  });
});

describe("moving by drag and drop (the folder page's move intent)", () => {
  it("an editor moves a file onto a folder row and a folder onto a breadcrumb; the same checks and audit as the dialog", async () => {
    const { ws, editor } = await world();
    const a = await db.folder.create({ data: { workspaceId: ws.id, name: "Protokoły", createdById: editor.id } });
    const b = await db.folder.create({ data: { workspaceId: ws.id, name: "2026", parentId: a.id, createdById: editor.id } });
    await addDocs(ws.id, [{ name: "Spotkanie.txt", mimeType: FILE_TYPES.txt.mime, createdById: editor.id }]);
    const doc = await db.document.findFirstOrThrow({ where: { name: "Spotkanie.txt" } });
    const post = (route: typeof rootRoute | typeof folderRoute, url: string, params: Record<string, string>, fields: Record<string, string>) =>
      run(route.action, makeRequest(url, { cookie: editor.cookie, form: { intent: "move", ...fields } }), { workspaceId: ws.id, ...params });

    // Root: the file dropped on the "Protokoły" row.
    const moved = await post(rootRoute, libraryUrls.root(ws.id), {}, { kind: "document", id: doc.id, targetFolderId: a.id });
    expect(moved.status).toBe(200);
    expect(moved.data).toMatchObject({ ok: true });
    expect(moved.headers.get("Set-Cookie")).toMatch(/razem_toast=/);
    expect((await db.document.findUniqueOrThrow({ where: { id: doc.id } })).folderId).toBe(a.id);

    // Inside "Protokoły/2026": a folder dropped on the "Biblioteka" breadcrumb (the root).
    const c = await db.folder.create({ data: { workspaceId: ws.id, name: "Robocze", parentId: b.id, createdById: editor.id } });
    const up = await post(folderRoute, libraryUrls.folder(ws.id, b.id), { folderId: b.id }, { kind: "folder", id: c.id, targetFolderId: "root" });
    expect(up.status).toBe(200);
    expect((await db.folder.findUniqueOrThrow({ where: { id: c.id } })).parentId).toBeNull();

    // Never a folder into itself or below it (the drop targets never offer it; the server refuses anyway).
    const intoChild = await post(rootRoute, libraryUrls.root(ws.id), {}, { kind: "folder", id: a.id, targetFolderId: b.id });
    expect(intoChild.status).toBe(409);
    expect(intoChild.data).toMatchObject({ error: 'library.move.intoItself|{"name":"Protokoły"}' });

    // A name already there: the same translated message as the dialog's.
    await addDocs(ws.id, [{ name: "spotkanie.TXT", mimeType: FILE_TYPES.txt.mime, createdById: editor.id }]);
    const twin = await db.document.findFirstOrThrow({ where: { name: "spotkanie.TXT" } });
    const clash = await post(rootRoute, libraryUrls.root(ws.id), {}, { kind: "document", id: twin.id, targetFolderId: a.id });
    expect(clash.status).toBe(409);
    expect(clash.data).toMatchObject({ error: 'library.name.takenIn|{"name":"Spotkanie.txt","folder":"Protokoły"}' });

    const actions = (await db.auditLog.findMany({ where: { action: { startsWith: "library." } }, orderBy: { createdAt: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["library.document.move", "library.folder.move"]);
  });

  it("a VIEWER is refused (403, audited) and a non-member gets 404; nothing moves", async () => {
    const { ws, editor, viewer, outsider } = await world();
    const target = await db.folder.create({ data: { workspaceId: ws.id, name: "Cel", createdById: editor.id } });
    const source = await db.folder.create({ data: { workspaceId: ws.id, name: "Źródło", createdById: editor.id } });
    await addDocs(ws.id, [{ name: "Plan.pdf", mimeType: FILE_TYPES.pdf.mime, createdById: editor.id }]);
    const doc = await db.document.findFirstOrThrow({ where: { name: "Plan.pdf" } });
    const attempts = [
      { kind: "document", id: doc.id, targetFolderId: target.id },
      { kind: "folder", id: source.id, targetFolderId: target.id },
    ];
    for (const fields of attempts) {
      const asViewer = await run(rootRoute.action, makeRequest(libraryUrls.root(ws.id), { cookie: viewer.cookie, form: { intent: "move", ...fields } }), { workspaceId: ws.id });
      expect(asViewer.status).toBe(403);
      const asOutsider = await run(rootRoute.action, makeRequest(libraryUrls.root(ws.id), { cookie: outsider.cookie, form: { intent: "move", ...fields } }), { workspaceId: ws.id });
      expect(asOutsider.status).toBe(404);
      // From a folder page too.
      const inFolder = await run(folderRoute.action, makeRequest(libraryUrls.folder(ws.id, source.id), { cookie: outsider.cookie, form: { intent: "move", ...fields } }), {
        workspaceId: ws.id,
        folderId: source.id,
      });
      expect(inFolder.status).toBe(404);
    }
    expect((await db.document.findUniqueOrThrow({ where: { id: doc.id } })).folderId).toBeNull();
    expect((await db.folder.findUniqueOrThrow({ where: { id: source.id } })).parentId).toBeNull();
    expect(await db.auditLog.count({ where: { action: { in: ["library.document.move", "library.folder.move"] } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: viewer.id } })).toBe(2);

    // The page tells the viewer's browser there is nothing to drag.
    const page = await run(rootRoute.loader, makeRequest(libraryUrls.root(ws.id), { cookie: viewer.cookie }), { workspaceId: ws.id });
    expect(page.data).toMatchObject({ can: { edit: false } });
  });

  it("an archived workspace refuses moves even to its owner", async () => {
    const { ws, owner } = await world();
    const target = await db.folder.create({ data: { workspaceId: ws.id, name: "Cel", createdById: owner.id } });
    await addDocs(ws.id, [{ name: "Plan.pdf", mimeType: FILE_TYPES.pdf.mime, createdById: owner.id }]);
    const doc = await db.document.findFirstOrThrow({ where: { name: "Plan.pdf" } });
    await db.workspace.update({ where: { id: ws.id }, data: { archivedAt: new Date() } });
    const res = await run(rootRoute.action, makeRequest(libraryUrls.root(ws.id), { cookie: owner.cookie, form: { intent: "move", kind: "document", id: doc.id, targetFolderId: target.id } }), {
      workspaceId: ws.id,
    });
    expect(res.status).toBe(403);
    expect((await db.document.findUniqueOrThrow({ where: { id: doc.id } })).folderId).toBeNull();
    const page = await run(rootRoute.loader, makeRequest(libraryUrls.root(ws.id), { cookie: owner.cookie }), { workspaceId: ws.id });
    expect(page.data).toMatchObject({ can: { edit: false } });
  });
});
