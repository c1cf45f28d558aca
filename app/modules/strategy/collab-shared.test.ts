// Pure helpers shared by the editor and the co-editing server.
import { describe, expect, it } from "vitest";
import { caretColour, countWords, draftDocumentName, draftIdFromDocumentName, plainTextOf } from "./collab-shared";

describe("caret colours", () => {
  it("are readable with white text (WCAG AA, ≥ 4.5:1) and stable per person", () => {
    const lum = (hex: string) => {
      const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const colour = caretColour(`user-${i}`);
      seen.add(colour);
      expect(1.05 / (lum(colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(caretColour("abc")).toBe(caretColour("abc"));
  });
});

describe("document names", () => {
  it("map draft ids both ways and reject anything else", () => {
    expect(draftIdFromDocumentName(draftDocumentName("cmabc123"))).toBe("cmabc123");
    expect(draftIdFromDocumentName("cmabc123")).toBeNull();
    expect(draftIdFromDocumentName("strategy:")).toBeNull();
    expect(draftIdFromDocumentName("strategy:../../etc")).toBeNull();
    expect(draftIdFromDocumentName("team:cmabc123")).toBeNull();
  });
});

describe("plain text and word count", () => {
  it("puts blocks on their own lines and counts words, not punctuation", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "heading", content: [{ type: "text", text: "Wstęp" }] },
        { type: "paragraph", content: [{ type: "text", text: "Region " }, { type: "text", text: "Bełchatów–Kleszczów — cele" }] },
        { type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "2030" }] }] }] }] },
      ],
    };
    const text = plainTextOf(doc);
    expect(text).toBe("Wstęp\nRegion Bełchatów–Kleszczów — cele\n2030");
    expect(countWords(text)).toBe(5);
    expect(countWords("")).toBe(0);
  });
});
