// Exporting a strategy draft: the file reflects the live body (compacted state + pending edits) or a
// version, opens as Word with its headings, is for people who see the draft only, and can be saved
// into the workspace library as a document with versions (VIEWERs may download, not save).
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { getSchema } from "@tiptap/core";
import { db } from "~/utils/db.server";
import { draftExtensions } from "~/modules/strategy/versions.server";
import { COLLAB_FIELD } from "~/modules/strategy/collab-shared";
import * as exportRoute from "~/routes/przestrzenie.$workspaceId.strategie.$draftId.eksport.$format";
import { buildInstitution, buildUser, loginAs } from "../factories";
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

async function signedIn(overrides: Parameters<typeof buildUser>[0] = {}) {
  const user = await buildUser(overrides);
  return { user, cookie: await loginAs(user.id) };
}

async function setup() {
  const a = await buildInstitution({ shortName: "BKPPT" });
  const b = await buildInstitution({ shortName: "FRGK" });
  const owner = await signedIn({ institutionId: a.id, institutionRole: "COORDINATOR" });
  const viewer = await signedIn({ institutionId: a.id });
  const outsider = await signedIn({ institutionId: b.id });
  const workspace = await db.workspace.create({
    data: {
      name: "Strategia transformacji regionu",
      owningInstitutionId: a.id,
      createdById: owner.user.id,
      members: { create: [{ userId: owner.user.id, role: "OWNER" }, { userId: viewer.user.id, role: "VIEWER" }] },
    },
  });
  // The body arrives only as a pending update (as if nothing was compacted yet): the export must see it.
  const ydoc = prosemirrorJSONToYDoc(getSchema(draftExtensions()), body, COLLAB_FIELD);
  const draft = await db.strategyDraft.create({
    data: { workspaceId: workspace.id, title: "Strategia — projekt", createdById: owner.user.id, updatedById: owner.user.id },
  });
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
