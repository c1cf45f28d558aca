// The demo strategy draft: in „Strategia transformacji regionu”, with the six sections, a table with a
// header row, lists and a quote in its body (ProseMirror JSON and the Yjs state agree), two named
// versions that differ, comment threads anchored to their quotes (replies, one resolved), found by
// search by people of every partner institution, and nothing added by a second run.
import { yDocToProsemirrorJSON } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "~/utils/db.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { searchDocuments } from "~/modules/search/search.server";
import { anchorFromBytes, textOfAnchor } from "~/modules/strategy/comment-anchors";
import { loadDraftAccess } from "~/modules/strategy/access.server";
import { COLLAB_FIELD } from "~/modules/strategy/collab-shared";
import { diffDrafts } from "~/modules/strategy/diff/diff";
import { seedDemo, type DemoContext } from "../../prisma/seed/demo";
import { DEMO_DRAFT_TITLE, DEMO_DRAFT_VERSIONS, seedStrategyDraft } from "../../prisma/seed/demo-strategy";

async function seeded(): Promise<DemoContext> {
  const result = await seedDemo();
  if (result.status !== "created") throw new Error("demo not created");
  return result.context;
}

type Node = { type: string; attrs?: Record<string, unknown>; content?: Node[]; text?: string };
const all = (n: Node): Node[] => [n, ...(n.content ?? []).flatMap(all)];
const textOf = (n: Node): string => (n.text ?? "") + (n.content ?? []).map(textOf).join("");

const asUser = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email }, include: { institution: true } })) as unknown as AuthUser;

describe("demo strategy draft", () => {
  it("is in the strategy workspace with sections, a header-row table, lists, a quote and ~1,500 words; the Yjs state holds the same body", async () => {
    const ctx = await seeded();
    const draft = await db.strategyDraft.findFirstOrThrow({ where: { title: DEMO_DRAFT_TITLE }, include: { workspace: true } });
    expect(draft.workspace.name).toBe("Strategia transformacji regionu");
    expect(draft.workspaceId).toBe(ctx.workspaces!.strategy.workspace.id);
    expect(draft.deletedAt).toBeNull();

    const json = JSON.parse(draft.contentJson!) as Node;
    const nodes = all(json);
    const headings = nodes.filter((n) => n.type === "heading");
    expect(new Set(headings.map((h) => h.attrs?.level))).toEqual(new Set([1, 2, 3]));
    const h2 = headings.filter((h) => h.attrs?.level === 2).map(textOf);
    for (const section of ["Wprowadzenie", "Diagnoza", "Wizja", "Cele strategiczne", "Kierunki działań", "Wdrażanie i monitorowanie"]) {
      expect(h2.some((t) => t.includes(section))).toBe(true);
    }
    const table = nodes.find((n) => n.type === "table")!;
    expect(table.content![0].content!.every((c) => c.type === "tableHeader")).toBe(true);
    expect(textOf(table.content![0])).toContain("Wskaźnik");
    expect(table.content!.length).toBeGreaterThanOrEqual(4);
    for (const type of ["bulletList", "orderedList", "blockquote"]) expect(nodes.some((n) => n.type === type)).toBe(true);
    const marks = nodes.flatMap((n) => (n as { marks?: { type: string }[] }).marks ?? []).map((m) => m.type);
    expect(marks).toEqual(expect.arrayContaining(["bold", "italic"]));
    expect(draft.wordCount).toBeGreaterThan(1_300);
    expect(draft.contentText).toContain("Funduszu na rzecz Sprawiedliwej Transformacji");

    // What the co-editing server would load is the same document.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, draft.ydocState!);
    expect(yDocToProsemirrorJSON(doc, COLLAB_FIELD)).toEqual(json);
  });

  it("has two named versions by demo people whose text differs from each other", async () => {
    await seeded();
    const draft = await db.strategyDraft.findFirstOrThrow({ where: { title: DEMO_DRAFT_TITLE } });
    const versions = await db.strategyDraftVersion.findMany({ where: { draftId: draft.id }, orderBy: { number: "asc" }, include: { createdBy: true } });
    expect(versions.map((v) => [v.number, v.name, v.kind])).toEqual([
      [1, DEMO_DRAFT_VERSIONS[0], "NAMED"],
      [2, DEMO_DRAFT_VERSIONS[1], "NAMED"],
    ]);
    expect(versions.every((v) => v.createdBy?.email.endsWith(".razem.test"))).toBe(true);
    expect(versions[0].createdAt < versions[1].createdAt).toBe(true);
    expect(versions[0].contentJson).not.toBe(versions[1].contentJson);
    expect(versions[1].contentJson).not.toBe(draft.contentJson);
    const diff = diffDrafts(JSON.parse(versions[0].contentJson), JSON.parse(versions[1].contentJson));
    expect(JSON.stringify(diff)).toMatch(/C4\. Region/);
  });

  it("has comment threads anchored to their quotes, with replies, one resolved", async () => {
    await seeded();
    const draft = await db.strategyDraft.findFirstOrThrow({ where: { title: DEMO_DRAFT_TITLE } });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, draft.ydocState!);
    const roots = await db.strategyDraftComment.findMany({ where: { draftId: draft.id, threadId: null }, include: { replies: true } });
    expect(roots.length).toBeGreaterThanOrEqual(3);
    expect(roots.length).toBeLessThanOrEqual(4);
    for (const root of roots) {
      const anchor = { anchorStart: anchorFromBytes(root.anchorStart)!, anchorEnd: anchorFromBytes(root.anchorEnd)! };
      expect(textOfAnchor(doc, anchor)).toBe(root.quote);
    }
    expect(roots.filter((r) => r.resolvedAt && r.resolvedById)).toHaveLength(1);
    expect(roots.some((r) => r.replies.length >= 1)).toBe(true);
    const authors = await db.user.findMany({ where: { id: { in: roots.map((r) => r.authorId) } }, include: { institution: true } });
    expect(new Set(authors.map((a) => a.institution?.shortName)).size).toBeGreaterThanOrEqual(3);
  });

  it("is found by search and seen by people of every partner institution (FRGK too), and a second run adds nothing", async () => {
    const ctx = await seeded();
    for (const email of ["anna.lewandowska@frgk.razem.test", "lukasz.zak@rig.razem.test", "piotr.jablonski@arreks.razem.test", "katarzyna.wojcik@bkppt.razem.test"]) {
      const user = await asUser(email);
      const found = await searchDocuments(user, { q: "bełchatów kleszczow projekt" });
      expect(found.hits.map((h) => [h.kind, h.name])).toContainEqual(["draft", DEMO_DRAFT_TITLE]);
      const byText = await searchDocuments(user, { q: "rekultywacja odkrywki" });
      expect(byText.hits.find((h) => h.kind === "draft")?.snippet?.some((s) => s.mark)).toBe(true);
      const draft = byText.hits.find((h) => h.kind === "draft")!;
      await expect(loadDraftAccess(user, draft.id)).resolves.toBeDefined();
    }
    // The index entry was written by the seed itself (no catch-up needed).
    expect(Number((await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n FROM search_draft_entry`))[0].n)).toBe(1);

    const counts = async () => [await db.strategyDraft.count(), await db.strategyDraftVersion.count(), await db.strategyDraftComment.count()];
    const before = await counts();
    await seedStrategyDraft(ctx);
    expect(await counts()).toEqual(before);
  });
});
