import { describe, expect, it } from "vitest";
import { doc, h, li, longDraft, p, sampleDraft, table, ul } from "../export/fixtures";
import type { PmNode } from "../export/prosemirror";
import { diffDrafts, diffWords, flattenBlocks, MAX_CELLS } from "./diff";

const changed = (d: ReturnType<typeof diffDrafts>) => d.blocks.filter((b) => b.status !== "same");

describe("diffDrafts", () => {
  it("finds no changes between identical documents", () => {
    const d = diffDrafts(sampleDraft, structuredClone(sampleDraft));
    expect(d.insertions).toBe(0);
    expect(d.deletions).toBe(0);
    expect(d.blocks.every((b) => b.status === "same")).toBe(true);
    expect(d.blocks.length).toBe(flattenBlocks(sampleDraft).length);
  });

  it("marks one inserted word inside a paragraph", () => {
    const d = diffDrafts(doc(h(1, "Cele"), p("Region przechodzi transformację.")), doc(h(1, "Cele"), p("Region szybko przechodzi transformację.")));
    expect(d.insertions).toBe(1);
    expect(d.deletions).toBe(0);
    const [block] = changed(d);
    expect(block).toMatchObject({ type: "paragraph", status: "changed" });
    expect(block.segments).toEqual([
      { kind: "same", text: "Region " },
      { kind: "added", text: "szybko " },
      { kind: "same", text: "przechodzi transformację." },
    ]);
  });

  it("marks a deleted paragraph as a whole removed block", () => {
    const d = diffDrafts(doc(p("Pierwszy akapit."), p("Drugi akapit do usunięcia."), p("Trzeci akapit.")), doc(p("Pierwszy akapit."), p("Trzeci akapit.")));
    expect(d.deletions).toBe(1);
    expect(d.insertions).toBe(0);
    expect(changed(d)).toEqual([{ type: "paragraph", level: 0, status: "removed", segments: [{ kind: "removed", text: "Drugi akapit do usunięcia." }] }]);
    expect(d.blocks.map((b) => b.status)).toEqual(["same", "removed", "same"]);
  });

  it("shows a change inside a table cell as a word change in its row", () => {
    const before = doc(table(["Wskaźnik", "Cel 2030"], ["Zatrudnienie w OZE", "4 500"], ["Emisja CO₂", "5"]));
    const after = doc(table(["Wskaźnik", "Cel 2030"], ["Zatrudnienie w OZE", "5 000"], ["Emisja CO₂", "5"]));
    const d = diffDrafts(before, after);
    const [row] = changed(d);
    expect(row.type).toBe("tableRow");
    expect(row.status).toBe("changed");
    expect(row.segments).toEqual([
      { kind: "same", text: "Zatrudnienie w OZE | " },
      { kind: "removed", text: "4" },
      { kind: "added", text: "5" },
      { kind: "same", text: " " },
      { kind: "removed", text: "500" },
      { kind: "added", text: "000" },
    ]);
    expect(d.insertions).toBe(2);
    expect(d.deletions).toBe(2);
  });

  it("keeps list nesting and treats an unrelated rewrite as remove + add", () => {
    const d = diffDrafts(doc(ul(li(p("OZE"), ul(li(p("fotowoltaika")))))), doc(ul(li(p("OZE"), ul(li(p("Zupełnie inny punkt o wodorze")))))));
    expect(d.blocks.map((b) => [b.type, b.level, b.status])).toEqual([
      ["listItem", 1, "same"],
      ["listItem", 2, "removed"],
      ["listItem", 2, "added"],
    ]);
  });

  it("falls back to whole-block replace when a block is too long to compare word by word", () => {
    const words = Math.ceil(Math.sqrt(MAX_CELLS)); // tokens ≈ 2 × words, so the table would exceed MAX_CELLS
    const long = Array.from({ length: words }, (_, i) => `w${i}`).join(" ");
    const longChanged = Array.from({ length: words }, (_, i) => (i % 2 ? `w${i}` : `x${i}`)).join(" ");
    expect(diffWords(long, longChanged)).toBeNull();
    const d = diffDrafts(doc(p(long)), doc(p(longChanged)));
    expect(d.blocks.map((b) => [b.status, b.tooLong])).toEqual([
      ["removed", true],
      ["added", true],
    ]);
  });

  it("compares a 30-page document (~15,000 words) with a few changes quickly", () => {
    const before = longDraft(300, 50);
    const after = structuredClone(before) as PmNode;
    const body = after.content!;
    body[5] = p("Zupełnie nowy akapit o wodorze i magazynach energii w Kleszczowie.");
    body.splice(120, 1);
    const para = body[200].content![0];
    const paraWords = para.text!.split(" ");
    const replaced = paraWords[10];
    paraWords[10] = "wodór";
    para.text = paraWords.join(" ");
    body.push(p("Akapit dopisany na końcu."));
    const words = (n: PmNode): number => (n.text ? n.text.split(/\s+/).length : 0) + (n.content ?? []).reduce((s, c) => s + words(c), 0);
    expect(words(before)).toBeGreaterThan(15_000);

    const started = performance.now();
    const d = diffDrafts(before, after);
    const elapsed = performance.now() - started;
    console.info(`diffDrafts: ${words(before)} words, ${d.blocks.length} blocks, ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(1000);
    expect(d.blocks.filter((b) => b.status === "changed").map((b) => b.segments.filter((s) => s.kind !== "same"))).toEqual([[{ kind: "removed", text: replaced }, { kind: "added", text: "wodór" }]]);
    expect(d.blocks.filter((b) => b.status === "added").length).toBe(2);
    expect(d.blocks.filter((b) => b.status === "removed").length).toBe(2);
  });
});
