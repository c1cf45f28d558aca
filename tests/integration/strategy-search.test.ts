// Strategy drafts in document search, on a real database: the commands (create, rename, trash,
// restore) and co-editing compaction keep the FTS5 index current at once; titles and body text are
// found with Polish letters folded; only people who see the draft's workspace find it; the search
// page links a draft hit to its editor.
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "~/utils/db.server";
import { createCollabServer, type CollabServer } from "~/modules/strategy/collab.server";
import { createDraft, renameDraft, restoreDraft, trashDraft } from "~/modules/strategy/drafts.server";
import { sqliteSearchBackend } from "~/modules/search/fts.sqlite.server";
import { searchDocuments, syncSearchIndex } from "~/modules/search/search.server";
import type { AuthUser } from "~/modules/auth/session.server";
import * as searchRoute from "~/routes/_app.szukaj";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { makeRequest, run } from "../http";
import { countStatements } from "../query-count";

const servers: CollabServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.destroy();
});

/** The signed-in shape of a person (with the institution), as the commands receive it. */
const asUser = async (u: { id: string }) => (await db.user.findUniqueOrThrow({ where: { id: u.id }, include: { institution: true } })) as unknown as AuthUser;

/** „Koncepcja promocji FST” of BKPPT and RIG; FRGK's member is an outsider; a platform administrator. */
async function world() {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const rig = await buildInstitution({ shortName: "RIG" });
  const frgk = await buildInstitution({ shortName: "FRGK" });
  const owner = await asUser(await buildUser({ institutionId: bkppt.id, institutionRole: "COORDINATOR", name: "Magdalena Wróbel" }));
  const rigMember = await buildUser({ institutionId: rig.id, name: "Łukasz Żak" });
  const outsider = await buildUser({ institutionId: frgk.id, name: "Anna Lewandowska" });
  const admin = await buildUser({ isAdmin: true, name: "Admin" });
  const ws = await db.workspace.create({
    data: {
      name: "Koncepcja promocji FST",
      owningInstitutionId: bkppt.id,
      createdById: owner.id,
      members: { create: [{ userId: owner.id, role: "OWNER" }] },
      institutions: { create: [{ institutionId: rig.id, role: "EDITOR" }] },
    },
  });
  const frgkWs = await db.workspace.create({
    data: { name: "Sprawy FRGK", owningInstitutionId: frgk.id, createdById: outsider.id, members: { create: [{ userId: outsider.id, role: "OWNER" }] } },
  });
  return { owner, rigMember, outsider, admin, ws, frgkWs };
}

/** What co-editing does: an update in the log, then compaction (which refreshes the index). */
async function writeBody(draftId: string, userId: string, paragraphs: string[]) {
  const doc = new Y.Doc();
  const body = doc.getXmlFragment("body");
  body.insert(
    0,
    paragraphs.map((p) => {
      const el = new Y.XmlElement("paragraph");
      el.insert(0, [new Y.XmlText(p)]);
      return el;
    }),
  );
  await db.strategyDraftUpdate.create({ data: { draftId, update: new Uint8Array(Y.encodeStateAsUpdate(doc)), userId } });
  const collab = createCollabServer({ recheckMs: 60_000 });
  servers.push(collab);
  await collab.compact(draftId);
}

const titles = (r: Awaited<ReturnType<typeof searchDocuments>>) => r.hits.map((h) => h.name);
const entries = async () => Number((await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM search_draft_entry`))[0].n);

async function newDraft(w: Awaited<ReturnType<typeof world>>, title: string) {
  const created = await createDraft(w.owner, w.ws.id, { title }, {});
  if (!created.ok) throw new Error("draft not created");
  return created.value.id;
}

describe("strategy drafts in search", () => {
  it('finds a draft by title at once ("szkic" finds "Szkic") and by body text after compaction ("zolw" finds "żółw")', async () => {
    const w = await world();
    const id = await newDraft(w, "Szkic koncepcji promocji");
    // The command indexed it itself: nothing is left for the background job.
    expect(await sqliteSearchBackend.staleDrafts(10)).toEqual([]);
    expect(await entries()).toBe(1);

    const byTitle = await searchDocuments(w.owner, { q: "szkic" });
    expect(titles(byTitle)).toEqual(["Szkic koncepcji promocji"]);
    expect(byTitle.hits[0]).toMatchObject({ kind: "draft", id, url: `/przestrzenie/${w.ws.id}/strategie/${id}`, workspace: { id: w.ws.id, name: "Koncepcja promocji FST" }, folderPath: [] });
    expect(byTitle.hits[0].nameSegments[0]).toEqual({ text: "Szkic", mark: true });
    expect(titles(await searchDocuments(w.owner, { q: "zolw" }))).toEqual([]);

    await writeBody(id, w.owner.id, ["Wprowadzenie do kampanii.", "Maskotką kampanii jest żółw z Kleszczowa, symbol cierpliwej transformacji."]);
    expect(await sqliteSearchBackend.staleDrafts(10)).toEqual([]); // compaction indexed it
    const byText = await searchDocuments(w.owner, { q: "zolw" });
    expect(titles(byText)).toEqual(["Szkic koncepcji promocji"]);
    expect(byText.hits[0].snippet?.filter((s) => s.mark).map((s) => s.text)).toEqual(["żółw"]);
    expect(byText.hits[0].snippet?.map((s) => s.text).join("")).toContain("żółw z Kleszczowa");
    expect(titles(await searchDocuments(w.owner, { q: "ŻÓŁW kleszczow" }))).toEqual(["Szkic koncepcji promocji"]);
    expect(titles(await searchDocuments(w.owner, { q: "zolw nieistniejace" }))).toEqual([]);
    // An institution's member of the workspace finds it too; so does the administrator.
    expect(titles(await searchDocuments(w.rigMember, { q: "zolw" }))).toEqual(["Szkic koncepcji promocji"]);
    expect(titles(await searchDocuments(w.admin, { q: "zolw" }))).toEqual(["Szkic koncepcji promocji"]);
  });

  it("is not found by a person of an institution outside the workspace, not even with the workspace filter", async () => {
    const w = await world();
    const id = await newDraft(w, "Szkic koncepcji promocji");
    await writeBody(id, w.owner.id, ["Żółw i kampania w mediach."]);
    expect(titles(await searchDocuments(w.outsider, { q: "zolw" }))).toEqual([]);
    expect(titles(await searchDocuments(w.outsider, { q: "szkic" }))).toEqual([]);
    expect(titles(await searchDocuments(w.outsider, { q: "zolw", workspaceId: w.ws.id }))).toEqual([]);
    expect(titles(await searchDocuments(w.owner, { q: "zolw", workspaceId: w.frgkWs.id }))).toEqual([]);
    const cookie = await loginAs(w.outsider.id);
    const page = await run(searchRoute.loader, makeRequest("/szukaj?q=zolw", { cookie }));
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({ searched: true, hits: [] });
  });

  it("drops a trashed draft from the index at once and brings it back on restore", async () => {
    const w = await world();
    const id = await newDraft(w, "Szkic koncepcji promocji");
    await writeBody(id, w.owner.id, ["Żółw w kampanii."]);
    await trashDraft(w.owner, id, {});
    expect(await entries()).toBe(0);
    expect(titles(await searchDocuments(w.owner, { q: "zolw" }))).toEqual([]);
    expect(titles(await searchDocuments(w.admin, { q: "szkic" }))).toEqual([]);
    expect(await sqliteSearchBackend.staleDrafts(10)).toEqual([]); // the trash is not "stale"

    await restoreDraft(w.owner, id, {});
    expect(await entries()).toBe(1);
    expect(titles(await searchDocuments(w.owner, { q: "zolw" }))).toEqual(["Szkic koncepcji promocji"]);
  });

  it("updates the title hit on rename", async () => {
    const w = await world();
    const id = await newDraft(w, "Szkic koncepcji promocji");
    const draft = await db.strategyDraft.findUniqueOrThrow({ where: { id } });
    const renamed = await renameDraft(w.owner, id, { title: "Plan komunikacji FST", version: draft.version }, {});
    expect(renamed.ok).toBe(true);
    expect(await sqliteSearchBackend.staleDrafts(10)).toEqual([]);
    expect(titles(await searchDocuments(w.owner, { q: "szkic" }))).toEqual([]);
    const hit = (await searchDocuments(w.owner, { q: "komunikacja" })).hits;
    expect(hit.map((h) => h.name)).toEqual(["Plan komunikacji FST"]);
    expect(hit[0].nameSegments).toContainEqual({ text: "komunikacji", mark: true });
  });

  it("catches up drafts changed behind its back (background sync), and removes deleted ones", async () => {
    const w = await world();
    const id = await newDraft(w, "Szkic koncepcji promocji");
    // A write that skipped the commands (e.g. another process): the stamp tells the job.
    await db.strategyDraft.update({ where: { id }, data: { contentText: "Żółw poza komendami.", version: { increment: 1 } } });
    expect(await sqliteSearchBackend.staleDrafts(10)).toEqual([id]);
    expect((await syncSearchIndex()).indexed).toBe(1);
    expect(await sqliteSearchBackend.staleDrafts(10)).toEqual([]);
    expect(titles(await searchDocuments(w.owner, { q: "zolw" }))).toEqual(["Szkic koncepcji promocji"]);
    await db.strategyDraft.delete({ where: { id } });
    expect(await entries()).toBe(0); // cascades with the draft
    expect(await sqliteSearchBackend.indexDraft("no-such-draft")).toBe("removed");
  });

  it("mixes documents and drafts in one paged list with a fixed number of queries", async () => {
    const w = await world();
    for (let i = 1; i <= 12; i++) await newDraft(w, `Protokół roboczy ${i}`);
    for (let i = 1; i <= 12; i++) {
      await db.document.create({
        data: {
          workspaceId: w.ws.id,
          name: `Protokół ${i}.txt`,
          nameKey: `protokol ${i}.txt`,
          mimeType: "text/plain",
          size: BigInt(1),
          currentVersion: 1,
          createdById: w.owner.id,
          versions: { create: [{ number: 1, storageKey: `k${i}`, size: BigInt(1), mimeType: "text/plain", sha256: "x", originalName: `Protokół ${i}.txt`, createdById: w.owner.id }] },
        },
      });
    }
    await syncSearchIndex();
    const first = await searchDocuments(w.owner, { q: "protokol" });
    expect(first.page).toMatchObject({ total: 24, pageCount: 2 });
    expect(first.hits).toHaveLength(20);
    const second = await searchDocuments(w.owner, { q: "protokol", page: 2 });
    expect(second.hits).toHaveLength(4);
    const all = [...first.hits, ...second.hits];
    expect(new Set(all.map((h) => h.id)).size).toBe(24);
    expect(all.filter((h) => h.kind === "draft")).toHaveLength(12);
    const one = await countStatements(() => searchDocuments(w.owner, { q: "protokol" }));
    for (let i = 13; i <= 20; i++) await newDraft(w, `Protokół roboczy ${i}`);
    expect(await countStatements(() => searchDocuments(w.owner, { q: "protokol" }))).toBe(one);
  });

  it("the search page shows a draft hit with its workspace and a link to the editor", async () => {
    const w = await world();
    const id = await newDraft(w, "Szkic koncepcji promocji");
    const cookie = await loginAs(w.rigMember.id);
    const res = await run(searchRoute.loader, makeRequest("/szukaj?q=szkic", { cookie }));
    expect(res.status).toBe(200);
    const data = res.data as Awaited<ReturnType<typeof searchRoute.loader>>;
    expect(data.hits).toEqual([expect.objectContaining({ kind: "draft", name: "Szkic koncepcji promocji", url: `/przestrzenie/${w.ws.id}/strategie/${id}`, workspace: { id: w.ws.id, name: "Koncepcja promocji FST" } })]);
  });
});
