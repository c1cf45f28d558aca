import { describe, expect, it } from "vitest";
import { foldText } from "~/utils/text";
import { excerpt, foldAligned, highlight, MAX_TERMS, queryPrefixes, queryTerms, searchPrefix } from "./folding";
import { toFts5Match } from "./fts.sqlite.server";

describe("foldAligned", () => {
  it("folds like foldText (case, Polish letters) and keeps every offset", () => {
    const samples = ["Żółw", "ZAŻÓŁĆ GĘŚLĄ JAŹŃ", "Łódź, Bełchatów i Kleszczów", "Szkic strategii.docx", "naïve café — Ünïcode"];
    for (const s of samples) {
      expect(foldAligned(s)).toBe(foldText(s));
      expect([...foldAligned(s)].length).toBe([...s].length);
    }
  });

  it("keeps characters it cannot fold one-to-one, so offsets still match", () => {
    const s = "Straße ﬁ 😀 e\u0301";
    expect([...foldAligned(s)].length).toBe([...s].length);
    expect(foldAligned("A\u0301")).toBe("a\u0301");
  });
});

describe("queryTerms", () => {
  it("folds words and drops duplicates", () => {
    expect(queryTerms("  Żółw ŻÓŁW żółwie  ")).toEqual(["zolw", "zolwie"]);
    expect(queryTerms("Szkic strategii")).toEqual(["szkic", "strategii"]);
  });

  it("turns query syntax into plain words", () => {
    expect(queryTerms('"szkic" AND -strategia OR NOT NEAR(a b) col:val * ^x')).toEqual(["szkic", "and", "strategia", "or", "not", "near", "a", "b"]);
    expect(queryTerms('"')).toEqual([]);
    expect(queryTerms("*")).toEqual([]);
    expect(queryTerms("-")).toEqual([]);
    expect(queryTerms("   ")).toEqual([]);
    expect(queryTerms("FST-2027")).toEqual(["fst", "2027"]);
  });

  it("caps the number and length of words", () => {
    expect(queryTerms("a b c d e f g h i j k")).toHaveLength(MAX_TERMS);
    expect(queryTerms("x".repeat(500))[0]).toHaveLength(64);
  });
});

describe("searchPrefix", () => {
  it("drops the final vowel of longer words, so inflected forms match", () => {
    expect(searchPrefix("transformacja")).toBe("transformacj");
    expect(searchPrefix("strategii")).toBe("strategi");
    expect(searchPrefix("zolw")).toBe("zolw");
    expect(searchPrefix("mapa")).toBe("mapa");
    expect(searchPrefix("szkic")).toBe("szkic");
    expect(queryPrefixes("Transformację transformacja")).toEqual(["transformacj"]);
    const marked = highlight("Strategia transformacji regionu", queryPrefixes("transformacja"))
      .filter((s) => s.mark)
      .map((s) => s.text);
    expect(marked).toEqual(["transformacji"]);
  });
});

describe("toFts5Match", () => {
  it("quotes every word as an FTS5 string with a prefix star", () => {
    expect(toFts5Match(["zolw", "strat"])).toBe('"zolw"* "strat"*');
    expect(toFts5Match(queryTerms("AND"))).toBe('"and"*');
    expect(toFts5Match(queryTerms('say "hi" -x *'))).toBe('"say"* "hi"* "x"*');
  });

  it("doubles quotes and skips empty words even if given raw input", () => {
    expect(toFts5Match(['a"b', ""])).toBe('"a""b"*');
    expect(toFts5Match([])).toBe("");
  });
});

describe("highlight", () => {
  const marked = (text: string, terms: string[]) =>
    highlight(text, terms)
      .filter((s) => s.mark)
      .map((s) => s.text);

  it("marks whole words that start with a term, whatever the case and diacritics", () => {
    expect(marked("Żółw i żółwie pływają. Rozżółwiony nie.", ["zolw"])).toEqual(["Żółw", "żółwie"]);
    expect(marked("Szkic strategii.docx", ["szkic", "strat"])).toEqual(["Szkic", "strategii"]);
  });

  it("keeps all the text, in order, and marks nothing when nothing matches", () => {
    const text = "Łódź <b>& \"cudzysłów\"";
    expect(
      highlight(text, ["lodz"])
        .map((s) => s.text)
        .join(""),
    ).toBe(text);
    expect(highlight("Bez trafień", ["zolw"])).toEqual([{ text: "Bez trafień" }]);
    expect(highlight("", ["x"])).toEqual([]);
  });

  it("handles characters outside the BMP", () => {
    const segs = highlight("😀 Żółw 😀", ["zolw"]);
    expect(segs).toEqual([{ text: "😀 " }, { text: "Żółw", mark: true }, { text: " 😀" }]);
  });
});

describe("excerpt", () => {
  it("drops partial words at the cuts and adds ellipses", () => {
    expect(excerpt("ategii rozwoju regionu Bełchat", true, true)).toBe("… rozwoju regionu …");
    expect(excerpt("Początek  tekstu\n\nz akapitami", false, false)).toBe("Początek tekstu z akapitami");
  });
});
