import { describe, expect, it } from "vitest";
import { doc, h, li, ol, p, sampleDraft, t, table, ul } from "./fixtures";
import { draftToMarkdown, escapeMarkdown } from "./markdown";
import { exportFileName, headings, plainText } from "./prosemirror";

describe("draftToMarkdown", () => {
  it("puts the title first and moves the body's headings one level down", () => {
    const md = draftToMarkdown("Strategia — projekt", doc(h(1, "Cele"), h(2, "Kierunki"), h(3, "Wskaźniki")));
    expect(md).toBe("# Strategia — projekt\n\n## Cele\n\n### Kierunki\n\n#### Wskaźniki\n");
  });

  it("writes nested bullet lists and ordered lists numbered from their start", () => {
    const md = draftToMarkdown("T", doc(ul(li(p("OZE"), ul(li(p("fotowoltaika")), li(p("wiatr")))), li(p("Szkolenia"))), ol(3, li(p("Diagnoza")), li(p("Konsultacje")))));
    expect(md).toContain("- OZE\n  - fotowoltaika\n  - wiatr\n- Szkolenia");
    expect(md).toContain("3. Diagnoza\n4. Konsultacje");
  });

  it("writes a GFM table with the first row as header and pipes escaped", () => {
    const md = draftToMarkdown("T", doc(table(["Wskaźnik", "Cel"], ["Zatrudnienie | OZE", "4 500"])));
    expect(md).toContain("| Wskaźnik | Cel |\n| --- | --- |\n| Zatrudnienie \\| OZE | 4 500 |");
  });

  it("keeps inline styles, links, quotes, rules and images", () => {
    const md = draftToMarkdown("Strategia", sampleDraft);
    expect(md).toContain("**Bełchatów–Kleszczów**");
    expect(md).toContain("*sprawiedliwą transformację*");
    expect(md).toContain("~~usunięte~~");
    expect(md).toContain("[stronę FST](https://example.org/fst)");
    expect(md).toContain("> Transformacja musi być sprawiedliwa dla mieszkańców.");
    expect(md).toContain("\n---\n");
    expect(md).toContain("![Mapa regionu](/biblioteka/mapa.png)");
  });

  it("escapes what the author typed so it never becomes Markdown", () => {
    const md = draftToMarkdown("Plan *A* # 1", doc(p("# nie nagłówek"), p("- nie lista"), p("1. nie numer"), p("a*b*c _d_ [x](y) <script> `k`")));
    expect(md).toContain("# Plan \\*A\\* \\# 1");
    expect(md).toContain("\\# nie nagłówek");
    expect(md).toContain("\\- nie lista");
    expect(md).toContain("1\\. nie numer");
    expect(md).toContain("a\\*b\\*c \\_d\\_ \\[x\\](y) \\<script\\> \\`k\\`");
    expect(escapeMarkdown("|")).toBe("\\|");
  });

  it("keeps spaces outside emphasis and drops unsafe links", () => {
    const md = draftToMarkdown("T", doc(p("a", t(" pogrubione ", "bold"), "b ", t("zły", { type: "link", attrs: { href: "javascript:alert(1)" } }), " ", t("x`y", "code"))));
    expect(md).toContain("a **pogrubione** b zły ``x`y``");
  });
});

describe("document helpers", () => {
  it("lists headings and the plain text", () => {
    expect(headings(sampleDraft).map((x) => x.text)).toEqual(["Cele strategiczne — wzmocnienie gospodarki", "Kierunki działań", "Wskaźniki"]);
    expect(plainText(doc(p("a"), table(["x", "y"], ["1", "2"])))).toBe("a\nx | y\n1 | 2");
    expect(exportFileName('Strategia: "projekt"/2026', "docx")).toBe("Strategia projekt 2026.docx");
  });
});
