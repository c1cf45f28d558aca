import mammoth from "mammoth";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { draftToDocx } from "./docx.server";
import { sampleDraft } from "./fixtures";

const meta = { workspaceName: "Strategia transformacji regionu", exportedAt: new Date("2026-11-24T13:05:00Z"), status: "IN_REVIEW" as const };

describe("draftToDocx", () => {
  it("opens in Word terms: title, headings, lists, a table and bold text", async () => {
    const buffer = await draftToDocx("Strategia transformacji regionu Bełchatów–Kleszczów — projekt", sampleDraft, meta);
    expect(buffer.subarray(0, 2).toString()).toBe("PK");
    const { value: html } = await mammoth.convertToHtml({ buffer });
    expect(html).toContain("<h1>Cele strategiczne — wzmocnienie gospodarki</h1>");
    expect(html).toContain("<h2>Kierunki działań</h2>");
    expect(html).toContain("<h3>Wskaźniki</h3>");
    expect(html).toContain("<strong>Bełchatów–Kleszczów</strong>");
    expect(html).toContain("<em>sprawiedliwą transformację</em>");
    expect(html).toMatch(/<table>[\s\S]*Zatrudnienie w OZE[\s\S]*<\/table>/);
    expect(html).toMatch(/<ul><li>Nowe miejsca pracy w <strong>OZE<\/strong><ul><li>fotowoltaika<\/li>/);
    expect(html).toContain('<a href="https://example.org/fst">stronę FST</a>');
    expect(html).toContain("[Obraz: Mapa regionu]");
    expect(html).toContain("Zażółć gęślą jaźń");
  });

  it("uses Word's Title and Heading styles, pl-PL, a repeated shaded header row and a page-numbered footer", async () => {
    const buffer = await draftToDocx("Projekt", sampleDraft, meta);
    const zip = await JSZip.loadAsync(buffer);
    const documentXml = await zip.file("word/document.xml")!.async("string");
    const stylesXml = await zip.file("word/styles.xml")!.async("string");
    expect(documentXml).toContain('w:pStyle w:val="Title"');
    expect(documentXml).toContain('w:pStyle w:val="Heading1"');
    expect(documentXml.match(/<w:tblHeader\/>/g)).toHaveLength(1); // only the first row repeats
    expect(documentXml).toContain('w:fill="D9E2F3"');
    expect(documentXml).toContain("Status: Do przeglądu");
    expect(stylesXml).toContain('w:lang w:val="pl-PL"');
    const footerName = Object.keys(zip.files).find((n) => /^word\/footer\d*\.xml$/.test(n))!;
    const footer = await zip.file(footerName)!.async("string");
    expect(footer).toContain("Strona ");
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(footer).toContain("Wyeksportowano 24.11.2026, 14:05");
    const numbering = await zip.file("word/numbering.xml")!.async("string");
    expect(numbering).toContain('w:start w:val="3"');
  });

  it("translates the labels for English readers", async () => {
    const buffer = await draftToDocx("Draft", sampleDraft, { ...meta, locale: "en" });
    const { value } = await mammoth.extractRawText({ buffer });
    expect(value).toContain("Status: In review");
    expect(value).toContain("[Image: Mapa regionu]");
  });
});
