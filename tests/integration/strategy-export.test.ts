// Exporting a strategy draft: the file reflects the live body (compacted state + pending edits) or a
// version, opens as Word with its headings, is for people who see the draft only, and can be saved
// into the workspace library as a document with versions (VIEWERs may download, not save).
import { crc32, deflateSync } from "node:zlib";
import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { getSchema } from "@tiptap/core";
import { db } from "~/utils/db.server";
import { draftExtensions } from "~/modules/strategy/versions.server";
import { COLLAB_FIELD } from "~/modules/strategy/collab-shared";
import type { AuthUser } from "~/modules/auth/session.server";
import { requireLibrary, trashItem } from "~/modules/library/library.server";
import { libraryUrls } from "~/modules/library/library-urls";
import { saveGeneratedFile } from "~/modules/library/save-generated.server";
import * as exportRoute from "~/routes/przestrzenie.$workspaceId.strategie.$draftId.eksport.$format";
import { signedIn, strategyDraft, strategyInstitutions, strategyWorkspace } from "../strategy-fixtures";
import { makeRequest, run, testContext } from "../http";

const body = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Diagnoza sytuacji regionu" }] },
    { type: "paragraph", content: [{ type: "text", text: "Kopalnia i elektrownia Bełchatów kończą pracę — " }, { type: "text", marks: [{ type: "bold" }], text: "zmiana jest nieunikniona" }] },
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Cele strategiczne" }] },
    {
      type: "table",
      content: [
        { type: "tableRow", content: ["Cel", "Wskaźnik"].map((x) => ({ type: "tableHeader", content: [{ type: "paragraph", content: [{ type: "text", text: x }] }] })) },
        { type: "tableRow", content: ["Nowe miejsca pracy", "1 500 do 2030"].map((x) => ({ type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: x }] }] })) },
      ],
    },
  ],
};

async function setup() {
  const { a, b } = await strategyInstitutions();
  const owner = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR" });
  const viewer = await signedIn({ institutionId: a.id });
  const outsider = await signedIn({ institutionId: b.id });
  const workspace = await strategyWorkspace(a.id, owner, [{ person: viewer, role: "VIEWER" }]);
  // The body arrives only as a pending update (as if nothing was compacted yet): the export must see it.
  const ydoc = prosemirrorJSONToYDoc(getSchema(draftExtensions()), body, COLLAB_FIELD);
  const draft = await strategyDraft(workspace.id, owner);
  await db.strategyDraftUpdate.create({ data: { draftId: draft.id, update: new Uint8Array(Y.encodeStateAsUpdate(ydoc)), userId: owner.user.id } });
  const params = (format: string) => ({ workspaceId: workspace.id, draftId: draft.id, format });
  const url = (format: string) => `/przestrzenie/${workspace.id}/strategie/${draft.id}/eksport/${format}`;
  return { owner, viewer, outsider, workspace, draft, params, url };
}

async function download(cookie: string, url: string, params: Record<string, string>): Promise<Response> {
  try {
    return (await exportRoute.loader({ request: makeRequest(url, { cookie }), params, context: testContext })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("strategy draft export", () => {
  it("gives a Word file with the title, headings and the table of the live body, as an attachment", async () => {
    const s = await setup();
    const res = await download(s.viewer.cookie, s.url("docx"), s.params("docx"));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("wordprocessingml");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".*\.docx"; filename\*=UTF-8''Strategia/);
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(await res.arrayBuffer()) })).value;
    expect(html).toContain("Diagnoza sytuacji regionu");
    expect(html).toMatch(/<h\d>Cele strategiczne<\/h\d>/);
    expect(html).toContain("<table>");
    expect(html).toContain("<strong>zmiana jest nieunikniona</strong>");
    const audit = await db.auditLog.findFirst({ where: { action: "strategy.export", entityId: s.draft.id } });
    expect(audit?.actorId).toBe(s.viewer.user.id);
  });

  it("gives PDF and Markdown too, and an unknown format is 404", async () => {
    const s = await setup();
    const pdf = await download(s.owner.cookie, s.url("pdf"), s.params("pdf"));
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const md = await download(s.owner.cookie, s.url("md"), s.params("md"));
    const text = await md.text();
    expect(text).toContain("Diagnoza sytuacji regionu");
    expect(text).toMatch(/\| Cel \| Wskaźnik \|/);
    expect((await download(s.owner.cookie, s.url("exe"), s.params("exe"))).status).toBe(404);
  });

  it("exports a named version, not the live body, with ?wersja", async () => {
    const s = await setup();
    const old = { type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Wersja robocza do dyskusji" }] }] };
    const ydoc = prosemirrorJSONToYDoc(getSchema(draftExtensions()), old, COLLAB_FIELD);
    await db.strategyDraftVersion.create({
      data: { draftId: s.draft.id, number: 1, name: "Wersja do konsultacji 1", kind: "NAMED", ydocState: new Uint8Array(Y.encodeStateAsUpdate(ydoc)), contentJson: JSON.stringify(old) },
    });
    const res = await download(s.owner.cookie, `${s.url("md")}?wersja=1`, s.params("md"));
    const text = await res.text();
    expect(text).toContain("Wersja robocza do dyskusji");
    expect(text).not.toContain("Diagnoza sytuacji regionu");
    expect(res.headers.get("Content-Disposition")).toContain(encodeURIComponent("Wersja do konsultacji 1"));
  });

  it("is 404 for a person of another institution, for every format and for saving", async () => {
    const s = await setup();
    for (const f of ["docx", "pdf", "md"]) expect((await download(s.outsider.cookie, s.url(f), s.params(f))).status).toBe(404);
    const save = await run(exportRoute.action, makeRequest(s.url("docx"), { cookie: s.outsider.cookie, form: {} }), s.params("docx"));
    expect(save.status).toBe(404);
    expect(await db.document.count({ where: { workspaceId: s.workspace.id } })).toBe(0);
  });

  it("saves into the library folder „Eksporty projektów strategii”; saving again adds a version; a VIEWER may not save", async () => {
    const s = await setup();
    const denied = await run(exportRoute.action, makeRequest(s.url("docx"), { cookie: s.viewer.cookie, form: {} }), s.params("docx"));
    expect(denied.status).toBe(403);
    const first = await run(exportRoute.action, makeRequest(s.url("docx"), { cookie: s.owner.cookie, form: {} }), s.params("docx"));
    expect(first.status).toBe(302);
    const doc = await db.document.findFirstOrThrow({ where: { workspaceId: s.workspace.id }, include: { folder: true } });
    expect(doc.folder?.name).toBe("Eksporty projektów strategii");
    expect(doc.name).toBe("Strategia — projekt.docx");
    expect(first.headers.get("Location")).toContain(`/biblioteka/plik/${doc.id}`);
    await run(exportRoute.action, makeRequest(s.url("docx"), { cookie: s.owner.cookie, form: {} }), s.params("docx"));
    const again = await db.document.findUniqueOrThrow({ where: { id: doc.id }, include: { versions: true } });
    expect(again.versions.map((v) => v.number).sort()).toEqual([1, 2]);
    expect(await db.auditLog.count({ where: { action: "strategy.export.save", entityId: s.draft.id } })).toBe(2);
  });
});

// ——— Pictures from the workspace library are embedded in DOCX and PDF; nothing else is ———

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An opaque RGB PNG, one colour (no alpha, so pdfkit embeds exactly one image object). */
function makePng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.from([0, ...Array.from({ length: width }, () => [31, 56, 100]).flat()]);
  const idat = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk("IHDR", header), pngChunk("IDAT", idat), pngChunk("IEND", Buffer.alloc(0))]);
}

async function draftWithBody(workspaceId: string, owner: { user: { id: string } }, json: object) {
  const draft = await strategyDraft(workspaceId, owner);
  const ydoc = prosemirrorJSONToYDoc(getSchema(draftExtensions()), json, COLLAB_FIELD);
  await db.strategyDraftUpdate.create({ data: { draftId: draft.id, update: new Uint8Array(Y.encodeStateAsUpdate(ydoc)), userId: owner.user.id } });
  return draft;
}

async function putPng(user: AuthUser, workspaceId: string, name: string, content: Buffer) {
  const lib = await requireLibrary(user, workspaceId, "addContent");
  const saved = await saveGeneratedFile(lib, { folderName: "Grafiki", name, ext: "png", content, note: null });
  if (!saved.ok) throw new Error(saved.error);
  return { lib, documentId: saved.documentId, src: libraryUrls.preview(workspaceId, saved.documentId, saved.number) };
}

describe("strategy draft export with pictures", () => {
  async function imageSetup() {
    const s = await setup();
    const owner = s.owner.user as unknown as AuthUser;
    const own = await putPng(owner, s.workspace.id, "Mapa regionu.png", makePng(400, 200));
    const trashed = await putPng(owner, s.workspace.id, "Stara mapa.png", makePng(30, 30));
    await trashItem(trashed.lib, "document", trashed.documentId);
    // Another workspace (same owner, so the file is real) whose picture must never leak into this draft.
    const other = await strategyWorkspace(s.workspace.owningInstitutionId, s.owner, []);
    const foreign = await putPng(owner, other.id, "Poufny wykres.png", makePng(50, 50));
    const image = (src: string, alt: string) => ({ type: "image", attrs: { src, alt, title: null } });
    const json = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Mapa poniżej pokazuje obszar transformacji." }] },
        image(own.src, "Mapa regionu"),
        image(foreign.src, "Wykres obcy"),
        // Our workspace in the address, another workspace's document: still not ours.
        image(libraryUrls.preview(s.workspace.id, foreign.documentId, 1), "Wykres podszyty"),
        image(trashed.src, "Mapa w koszu"),
        image(`https://example.org${own.src}`, "Adres zewnętrzny"),
        { type: "paragraph", content: [{ type: "text", text: "Tekst pod obrazem." }] },
      ],
    };
    const draft = await draftWithBody(s.workspace.id, s.owner, json);
    const params = (format: string) => ({ workspaceId: s.workspace.id, draftId: draft.id, format });
    const url = (format: string) => `/przestrzenie/${s.workspace.id}/strategie/${draft.id}/eksport/${format}`;
    return { ...s, params, url };
  }

  it("embeds the workspace's own picture in the Word file, centred, with its alt text; others stay placeholders", async () => {
    const s = await imageSetup();
    const res = await download(s.viewer.cookie, s.url("docx"), s.params("docx"));
    expect(res.status).toBe(200);
    const buffer = Buffer.from(await res.arrayBuffer());
    const zip = await JSZip.loadAsync(buffer);
    const media = Object.keys(zip.files).filter((n) => n.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(media[0]).toMatch(/\.png$/);
    const stored = await zip.file(media[0])!.async("nodebuffer");
    expect(stored.equals(makePng(400, 200))).toBe(true);
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain('descr="Mapa regionu"');
    expect(xml).toMatch(/<w:jc w:val="center"\/>[\s\S]*<w:drawing>/);
    // 400 × 200 px at 96 dpi, within 16 cm: its own size, in EMU (9525 per pixel).
    expect(xml).toContain(`cx="${400 * 9525}" cy="${200 * 9525}"`);
    const html = (await mammoth.convertToHtml({ buffer })).value;
    expect(html.match(/<img /g)).toHaveLength(1);
    expect(html).toMatch(/<img [^>]*alt="Mapa regionu"/);
    for (const alt of ["Wykres obcy", "Wykres podszyty", "Mapa w koszu", "Adres zewnętrzny"]) expect(html).toContain(`[Obraz: ${alt}]`);
    expect(html).toContain("Tekst pod obrazem.");
  });

  it("embeds it in the PDF as one image object and keeps writing below it", async () => {
    const s = await imageSetup();
    const res = await download(s.owner.cookie, s.url("pdf"), s.params("pdf"));
    expect(res.status).toBe(200);
    const buffer = Buffer.from(await res.arrayBuffer());
    expect(buffer.toString("latin1").match(/\/Subtype \/Image/g)).toHaveLength(1);
    const { extractText, getDocumentProxy } = await import("unpdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(buffer)), { mergePages: true });
    for (const alt of ["Wykres obcy", "Wykres podszyty", "Mapa w koszu", "Adres zewnętrzny"]) expect(text).toContain(`[Obraz: ${alt}]`);
    expect(text).not.toContain("[Obraz: Mapa regionu]");
    expect(text).toContain("Tekst pod obrazem.");
  });

  it("moves a picture that doesn't fit to the next page", async () => {
    const s = await setup();
    const owner = s.owner.user as unknown as AuthUser;
    const tall = await putPng(owner, s.workspace.id, "Plakat.png", makePng(300, 600));
    const filler = Array.from({ length: 12 }, (_, i) => ({ type: "paragraph", content: [{ type: "text", text: `Akapit ${i + 1} przed plakatem.` }] }));
    const json = { type: "doc", content: [...filler, { type: "image", attrs: { src: tall.src, alt: "Plakat", title: null } }, { type: "paragraph", content: [{ type: "text", text: "Po plakacie." }] }] };
    const draft = await draftWithBody(s.workspace.id, s.owner, json);
    const params = { workspaceId: s.workspace.id, draftId: draft.id, format: "pdf" };
    const res = await download(s.owner.cookie, `/przestrzenie/${s.workspace.id}/strategie/${draft.id}/eksport/pdf`, params);
    const buffer = Buffer.from(await res.arrayBuffer());
    const { extractText, getDocumentProxy } = await import("unpdf");
    const { text: pages } = await extractText(await getDocumentProxy(new Uint8Array(buffer)), { mergePages: false });
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain("Akapit 12 przed plakatem.");
    expect(pages[0]).not.toContain("Po plakacie.");
    expect(pages[1]).toContain("Po plakacie."); // the picture opened page 2 and the text continues under it
    expect(buffer.toString("latin1").match(/\/Subtype \/Image/g)).toHaveLength(1);
  });
});
