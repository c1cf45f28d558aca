// Search in the document library on a real database and a real file store: text extraction
// (TXT, DOCX, PDF), the FTS5 index, who sees which results, the trash, the search page, and the
// DOCX preview.
import crypto from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";


import { db } from "~/utils/db.server";
import { foldText } from "~/utils/text";
import { getFileStore } from "~/modules/storage/storage.server";
import { makeDocx, makePdf } from "../../prisma/seed/sample-files";
import { extractionStatus, extractionStatusOf, extractPendingTexts, DOCX_MIME } from "~/modules/search/extract.server";
import { runSearchIndexing } from "~/modules/search/indexing.server";
import { indexDocument, removeFromIndex, searchDocuments, syncSearchIndex } from "~/modules/search/search.server";
import { sqliteSearchBackend } from "~/modules/search/fts.sqlite.server";
import { docxPreviewHtml } from "~/modules/search/docx-preview.server";
import * as searchRoute from "~/routes/_app.szukaj";
import type { AuthUser } from "~/modules/auth/session.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";


type Owner = { id: string };

async function addDocument(
  workspaceId: string,
  owner: Owner,
  name: string,
  mimeType: string,
  versions: Buffer[],
  opts: { folderId?: string | null; deletedAt?: Date } = {},
) {
  const stored = [];
  for (const content of versions) {
    const put = await getFileStore().put(Readable.from([content]));
    stored.push({ ...put, sha256: crypto.createHash("sha256").update(content).digest("hex") });
  }
  const last = stored[stored.length - 1];
  return db.document.create({
    data: {
      workspaceId,
      folderId: opts.folderId ?? null,
      name,
      nameKey: foldText(name),
      mimeType,
      size: BigInt(last.size),
      currentVersion: stored.length,
      createdById: owner.id,
      deletedAt: opts.deletedAt ?? null,
      versions: {
        create: stored.map((s, i) => ({ number: i + 1, storageKey: s.key, size: BigInt(s.size), mimeType, sha256: s.sha256, originalName: name, createdById: owner.id })),
      },
    },
  });
}

const txt = (s: string) => Buffer.from(s, "utf8");

/** BKPPT's workspace with a folder and files of every kind; RIG's own workspace; an administrator. */
async function world() {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const rig = await buildInstitution({ shortName: "RIG" });
  const member = await buildUser({ institutionId: bkppt.id, name: "Maria Członkini" });
  const outsider = await buildUser({ institutionId: rig.id, name: "Olek z RIG" });
  const admin = await buildUser({ isAdmin: true, name: "Admin" });
  const ws = await db.workspace.create({
    data: { name: "Strategia transformacji", owningInstitutionId: bkppt.id, createdById: member.id, institutions: { create: [{ institutionId: bkppt.id, role: "VIEWER" }] } },
  });
  const rigWs = await db.workspace.create({
    data: { name: "Sprawy RIG", owningInstitutionId: rig.id, createdById: outsider.id, members: { create: [{ userId: outsider.id, role: "OWNER" }] } },
  });
  const folder = await db.folder.create({ data: { workspaceId: ws.id, name: "Analizy", createdById: member.id } });
  const note = await addDocument(ws.id, member, "Notatka ze spotkania.txt", "text/plain", [txt("Spotkanie w Kleszczowie.\n\nŻółw z Bełchatowa pływa w zalewie, a zespół omawia harmonogram.")], { folderId: folder.id });
  const draft = await addDocument(ws.id, member, "Szkic strategii.docx", DOCX_MIME, [makeDocx("Strategia regionu", ["Transformacja energetyczna i nowe miejsca pracy.", "Link: https://example.test"])]);
  const report = await addDocument(ws.id, member, "Raport.pdf", "application/pdf", [makePdf("Raport roczny", ["Elektrownia zakonczy prace w 2036 roku."])]);
  const image = await addDocument(ws.id, member, "Mapa.png", "image/png", [Buffer.from("89504e470d0a1a0a0000", "hex")]);
  const versions = await addDocument(ws.id, member, "Plan.md", "text/markdown", [txt("# Plan\nstara treść: jabłko"), txt("# Plan\nnowa treść: gruszka")]);
  const trashed = await addDocument(ws.id, member, "Stary żółw.txt", "text/plain", [txt("Żółw w koszu")], { deletedAt: new Date() });
  const secret = await addDocument(rigWs.id, outsider, "Tajne RIG.txt", "text/plain", [txt("Żółw tylko dla RIG")]);
  const asUser = async (u: { id: string }) => (await db.user.findUniqueOrThrow({ where: { id: u.id }, include: { institution: true } })) as unknown as AuthUser;
  return {
    ws,
    rigWs,
    folder,
    docs: { note, draft, report, image, versions, trashed, secret },
    member: await asUser(member),
    outsider: await asUser(outsider),
    admin: await asUser(admin),
    cookies: { member: await loginAs(member.id), outsider: await loginAs(outsider.id) },
  };
}

const names = (r: { hits: { name: string }[] }) => r.hits.map((h) => h.name).sort();

describe("text extraction", () => {
  it("extracts TXT, DOCX and PDF in the background, marks other types, current versions first", async () => {
    const w = await world();
    expect((await extractionStatusOf(w.docs.note.id, 1)).status).toBe("PENDING");
    const run1 = await extractPendingTexts(3);
    expect(run1.processed).toBe(3);
    // Current versions come first: the old version of Plan.md waits.
    const oldPlan = await db.documentVersion.findUniqueOrThrow({ where: { documentId_number: { documentId: w.docs.versions.id, number: 1 } } });
    expect(await db.documentText.findUnique({ where: { versionId: oldPlan.id } })).toBeNull();
    await extractPendingTexts(50);

    const textOf = async (documentId: string, number = 1) => {
      const v = await db.documentVersion.findUniqueOrThrow({ where: { documentId_number: { documentId, number } }, include: { text: true } });
      return v.text;
    };
    expect((await textOf(w.docs.note.id))?.content).toContain("Żółw z Bełchatowa");
    expect((await textOf(w.docs.draft.id))).toMatchObject({ status: "DONE" });
    expect((await textOf(w.docs.draft.id))?.content).toContain("Transformacja energetyczna");
    expect((await textOf(w.docs.report.id))?.content).toContain("Elektrownia zakonczy prace w 2036");
    expect(await textOf(w.docs.image.id)).toMatchObject({ status: "UNSUPPORTED", content: null });
    expect((await textOf(w.docs.versions.id, 1))?.content).toContain("jabłko");
    expect((await textOf(w.docs.versions.id, 2))?.content).toContain("gruszka");
    // Documents in the trash wait until they are restored.
    expect(await textOf(w.docs.trashed.id)).toBeNull();

    const status = await extractionStatusOf(w.docs.note.id, 1);
    expect(status).toMatchObject({ status: "DONE" });
    expect(status.chars).toBeGreaterThan(20);
    expect((await extractionStatus("no-such-version")).status).toBe("PENDING");

    // Nothing left: a second run does nothing.
    expect((await extractPendingTexts(50)).processed).toBe(0);
  });

  it("records a broken file as FAILED and a lost one too, without stopping the others", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const w = await world();
    const broken = await addDocument(w.ws.id, w.member, "Zepsuty.pdf", "application/pdf", [Buffer.from("%PDF-1.7\n% nic tu nie ma\n")]);
    const lost = await addDocument(w.ws.id, w.member, "Zgubiony.docx", DOCX_MIME, [makeDocx("x", ["y"])]);
    const lostVersion = await db.documentVersion.findFirstOrThrow({ where: { documentId: lost.id } });
    await getFileStore().remove(lostVersion.storageKey);
    await extractPendingTexts(50);
    expect((await extractionStatusOf(broken.id, 1)).status).toBe("FAILED");
    const lostText = await db.documentText.findUniqueOrThrow({ where: { versionId: lostVersion.id } });
    expect(lostText).toMatchObject({ status: "FAILED", error: "stored-file-missing" });
    expect((await extractionStatusOf(w.docs.note.id, 1)).status).toBe("DONE");
    expect(logged.mock.calls.map((c) => String(c[0])).join("\n")).toContain("stored-file-missing");
    logged.mockRestore();
  });
});

describe("searchDocuments", () => {
  it('finds "zolw" in a text with "Żółw", with the word marked in the snippet, and the folder', async () => {
    const w = await world();
    await runSearchIndexing();
    const result = await searchDocuments(w.member, { q: "zolw" });
    expect(names(result)).toEqual(["Notatka ze spotkania.txt"]);
    const hit = result.hits[0];
    expect(hit.snippet?.filter((s) => s.mark).map((s) => s.text)).toEqual(["Żółw"]);
    expect(hit.snippet?.map((s) => s.text).join("")).toContain("Żółw z Bełchatowa pływa w zalewie");
    expect(hit.folderPath).toEqual(["Analizy"]);
    expect(hit.workspace).toEqual({ id: w.ws.id, name: "Strategia transformacji" });
    expect(hit.url).toBe(`/przestrzenie/${w.ws.id}/biblioteka/plik/${w.docs.note.id}`);
    expect(hit.textStatus).toBe("DONE");
    // Upper case, diacritics and prefixes are all the same word.
    expect(names(await searchDocuments(w.member, { q: "ŻÓŁW" }))).toEqual(["Notatka ze spotkania.txt"]);
    expect(names(await searchDocuments(w.member, { q: "bełchat" }))).toEqual(["Notatka ze spotkania.txt"]);
    expect(names(await searchDocuments(w.member, { q: "zolw harmonogram" }))).toEqual(["Notatka ze spotkania.txt"]);
    expect(names(await searchDocuments(w.member, { q: "zolw nieistniejace" }))).toEqual([]);
    // Another form of the word: "zalew" → "zalewie", "spotkanie" → "spotkania".
    expect(names(await searchDocuments(w.member, { q: "zalew" }))).toEqual(["Notatka ze spotkania.txt"]);
    expect(names(await searchDocuments(w.member, { q: "spotkanie" }))).toEqual(["Notatka ze spotkania.txt"]);
  });

  it('finds "szkic" in the name "Szkic strategii.docx" (even before the text is extracted) and DOCX text', async () => {
    const w = await world();
    // No job has run: the search catches up the names itself.
    const byName = await searchDocuments(w.member, { q: "szkic" });
    expect(names(byName)).toEqual(["Szkic strategii.docx"]);
    expect(byName.hits[0].nameSegments).toEqual([{ text: "Szkic", mark: true }, { text: " strategii.docx" }]);
    expect(byName.hits[0].textStatus).toBe("PENDING");
    expect(byName.hits[0].snippet).toBeNull();
    expect(names(await searchDocuments(w.member, { q: "transformacja energetyczna" }))).toEqual([]);
    await runSearchIndexing();
    const byText = await searchDocuments(w.member, { q: "transformacja energetyczna" });
    expect(names(byText)).toEqual(["Szkic strategii.docx"]);
    expect(byText.hits[0].textStatus).toBe("DONE");
  });

  it("finds a PDF by its text", async () => {
    const w = await world();
    await runSearchIndexing();
    const result = await searchDocuments(w.member, { q: "elektrownia 2036" });
    expect(names(result)).toEqual(["Raport.pdf"]);
    expect(result.hits[0].snippet?.filter((s) => s.mark).map((s) => s.text)).toEqual(["Elektrownia", "2036"]);
  });

  it("ranks name matches above text matches", async () => {
    const w = await world();
    await addDocument(w.ws.id, w.member, "Harmonogram prac.txt", "text/plain", [txt("Plan na rok.")]);
    await runSearchIndexing();
    const result = await searchDocuments(w.member, { q: "harmonogram" });
    expect(result.hits.map((h) => h.name)).toEqual(["Harmonogram prac.txt", "Notatka ze spotkania.txt"]);
  });

  it("searches the current version only", async () => {
    const w = await world();
    await runSearchIndexing();
    expect(names(await searchDocuments(w.member, { q: "gruszka" }))).toEqual(["Plan.md"]);
    expect(names(await searchDocuments(w.member, { q: "jablko" }))).toEqual([]);
  });

  it("shows a person of another institution nothing from a workspace they can't see", async () => {
    const w = await world();
    await runSearchIndexing();
    expect(names(await searchDocuments(w.outsider, { q: "zolw" }))).toEqual(["Tajne RIG.txt"]);
    expect(names(await searchDocuments(w.outsider, { q: "szkic" }))).toEqual([]);
    expect(names(await searchDocuments(w.outsider, { q: "zolw", workspaceId: w.ws.id }))).toEqual([]);
    expect(names(await searchDocuments(w.member, { q: "zolw" }))).not.toContain("Tajne RIG.txt");
    expect(names(await searchDocuments(w.member, { q: "zolw", workspaceId: w.rigWs.id }))).toEqual([]);
    // Administrators see every workspace (ADR 0008), and can narrow to one.
    expect(names(await searchDocuments(w.admin, { q: "zolw" }))).toEqual(["Notatka ze spotkania.txt", "Tajne RIG.txt"]);
    expect(names(await searchDocuments(w.admin, { q: "zolw", workspaceId: w.rigWs.id }))).toEqual(["Tajne RIG.txt"]);
  });

  it("never shows documents in the trash, and shows them again once restored", async () => {
    const w = await world();
    await runSearchIndexing();
    // The trashed one ("Stary żółw.txt") is not found by name either.
    expect(names(await searchDocuments(w.admin, { q: "stary" }))).toEqual([]);
    await db.document.update({ where: { id: w.docs.note.id }, data: { deletedAt: new Date(), deletedById: w.member.id } });
    // At once, before any job: the query checks Document.deletedAt.
    expect(names(await searchDocuments(w.member, { q: "zolw" }))).toEqual([]);
    expect((await syncSearchIndex()).removed).toBe(1);
    await db.document.update({ where: { id: w.docs.note.id }, data: { deletedAt: null, deletedById: null } });
    expect(names(await searchDocuments(w.member, { q: "zolw" }))).toEqual(["Notatka ze spotkania.txt"]);
  });

  it("follows renames and new versions, and forgets purged documents", async () => {
    const w = await world();
    await runSearchIndexing();
    expect(await sqliteSearchBackend.staleDocuments(100)).toEqual([]);
    await db.document.update({ where: { id: w.docs.report.id }, data: { name: "Sprawozdanie końcowe.pdf", nameKey: foldText("Sprawozdanie końcowe.pdf") } });
    expect(names(await searchDocuments(w.member, { q: "koncowe" }))).toEqual(["Sprawozdanie końcowe.pdf"]);
    expect((await searchDocuments(w.member, { q: "sprawozdanie" })).hits[0].nameSegments[0]).toEqual({ text: "Sprawozdanie", mark: true });

    await db.document.delete({ where: { id: w.docs.report.id } });
    const entries = await db.$queryRawUnsafe<{ n: number }[]>("SELECT count(*) AS n FROM search_fts");
    const live = await db.document.count({ where: { deletedAt: null } });
    expect(Number(entries[0].n)).toBe(live);

    await removeFromIndex(w.docs.note.id);
    expect(names(await searchDocuments(w.member, { q: "notatka" }))).toEqual(["Notatka ze spotkania.txt"]); // caught up again
    expect(await indexDocument("no-such-document")).toBe("removed");
  });

  it("treats quotes, operators and stars in the query as plain words", async () => {
    const w = await world();
    await runSearchIndexing();
    for (const q of ['"', "*", "-", "AND", "NOT zolw", '"zolw', "zolw*", "-zolw", "zolw OR", "NEAR(zolw)", "name:zolw", "(", "^", "'", "zolw AND"]) {
      await expect(searchDocuments(w.member, { q })).resolves.toBeDefined();
    }
    expect(names(await searchDocuments(w.member, { q: '"zolw' }))).toEqual(["Notatka ze spotkania.txt"]);
    expect(names(await searchDocuments(w.member, { q: "-zolw" }))).toEqual(["Notatka ze spotkania.txt"]);
    expect(names(await searchDocuments(w.member, { q: "zolw*" }))).toEqual(["Notatka ze spotkania.txt"]);
    expect((await searchDocuments(w.member, { q: '" * -' })).hits).toEqual([]);
  });

  it("pages by 20", async () => {
    const w = await world();
    for (let i = 1; i <= 25; i++) await addDocument(w.ws.id, w.member, `Protokół ${i}.txt`, "text/plain", [txt(`Protokół numer ${i}`)]);
    await runSearchIndexing();
    const first = await searchDocuments(w.member, { q: "protokol" });
    expect(first.page).toMatchObject({ page: 1, total: 25, pageCount: 2, pageSize: 20 });
    expect(first.hits).toHaveLength(20);
    const second = await searchDocuments(w.member, { q: "protokol", page: 2 });
    expect(second.hits).toHaveLength(5);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(25);
  });
});

describe("the search page /szukaj", () => {
  it("answers 200 with results, and with the prompt for an empty query", async () => {
    const w = await world();
    await runSearchIndexing();
    const found = await run(searchRoute.loader, makeRequest("/szukaj?q=%C5%BC%C3%B3%C5%82w", { cookie: w.cookies.member }));
    expect(found.status).toBe(200);
    const data = found.data as Awaited<ReturnType<typeof searchRoute.loader>>;
    expect(data.searched).toBe(true);
    expect(data.q).toBe("żółw");
    expect(data.hits.map((h) => h.name)).toEqual(["Notatka ze spotkania.txt"]);
    expect(data.workspaces).toEqual([{ id: w.ws.id, name: "Strategia transformacji" }]);

    for (const path of ["/szukaj", "/szukaj?q=", "/szukaj?q=%20%20", "/szukaj?q=%22&page=abc&przestrzen="]) {
      const empty = await run(searchRoute.loader, makeRequest(path, { cookie: w.cookies.member }));
      expect(empty.status).toBe(200);
      expect(empty.data).toMatchObject({ searched: false, hits: [], workspaceId: null });
    }
    const none = await run(searchRoute.loader, makeRequest("/szukaj?q=nieistniejacy", { cookie: w.cookies.member }));
    expect(none.data).toMatchObject({ searched: true, hits: [], q: "nieistniejacy" });

    // A workspace filter the person can't see gives nothing and is not echoed back.
    const foreign = await run(searchRoute.loader, makeRequest(`/szukaj?q=zolw&przestrzen=${w.rigWs.id}`, { cookie: w.cookies.member }));
    expect(foreign.data).toMatchObject({ hits: [], workspaceId: null });
  });

  it("sends visitors to sign in", async () => {
    const res = await run(searchRoute.loader, makeRequest("/szukaj?q=zolw"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/logowanie/);
  });
});

describe("DOCX preview", () => {
  it("returns sanitized HTML for a DOCX the person may see, null for other types, 404 otherwise", async () => {
    const w = await world();
    const evil = await addDocument(w.ws.id, w.member, "Zły.docx", DOCX_MIME, [makeDocx("Tytuł <script>alert(1)</script>", ["<img src=x onerror=alert(1)>"])]);
    const preview = await docxPreviewHtml(w.member, w.ws.id, w.docs.draft.id, 1);
    expect(preview).toMatchObject({ status: "ok", truncated: false });
    const html = preview && preview.status === "ok" ? preview.html : "";
    expect(html).toContain("<h4>Strategia regionu</h4>");
    expect(html).toContain("<p>Transformacja energetyczna i nowe miejsca pracy.</p>");

    const escaped = await docxPreviewHtml(w.member, w.ws.id, evil.id, 1);
    const evilHtml = escaped && escaped.status === "ok" ? escaped.html : "";
    expect(evilHtml).toContain("&lt;script&gt;");
    expect(evilHtml).not.toMatch(/<script|<img/);

    expect(await docxPreviewHtml(w.member, w.ws.id, w.docs.note.id, 1)).toBeNull();
    const status = async (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => (e instanceof Response ? e.status : 500));
    expect(await status(docxPreviewHtml(w.outsider, w.ws.id, w.docs.draft.id, 1))).toBe(404);
    expect(await status(docxPreviewHtml(w.member, w.rigWs.id, w.docs.draft.id, 1))).toBe(404);
    expect(await status(docxPreviewHtml(w.member, w.ws.id, w.docs.draft.id, 9))).toBe(404);
    expect(await status(docxPreviewHtml(w.member, w.ws.id, w.docs.trashed.id, 1))).toBe(404);
  });
});
