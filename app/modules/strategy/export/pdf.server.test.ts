import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { doc, longDraft, POLISH, sampleDraft, table } from "./fixtures";
import { draftToPdf } from "./pdf.server";

const meta = { workspaceName: "Strategia transformacji regionu", exportedAt: new Date("2026-11-24T13:05:00Z"), status: "DRAFT" as const };

async function pages(buffer: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text } = await extractText(pdf, { mergePages: false });
  return text as string[];
}

describe("draftToPdf", () => {
  it("renders Polish letters, the title, headings, the table and the footer", async () => {
    const buffer = await draftToPdf("Strategia transformacji regionu Bełchatów–Kleszczów — projekt", sampleDraft, meta);
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    const [first, ...rest] = await pages(buffer);
    expect(rest).toEqual([]);
    expect(first).toContain(POLISH);
    expect(first.replace(/\s+/g, " ")).toContain("Strategia transformacji regionu Bełchatów–Kleszczów — projekt"); // wraps in two lines
    expect(first).toContain("Cele strategiczne — wzmocnienie gospodarki");
    expect(first).toContain("Zatrudnienie w OZE");
    expect(first).toContain("[Obraz: Mapa regionu]");
    expect(first).toContain("Strona 1 z 1");
    expect(first).toContain("Wyeksportowano 24.11.2026, 14:05");
    const text = buffer.toString("latin1");
    expect(text).toContain("/Lang (pl-PL)");
    expect(text).not.toContain("Helvetica");
  });

  it("handles a long document: every page numbered, the table header repeated", async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [`Działanie ${i + 1}: modernizacja sieci ciepłowniczej i magazynów energii w gminie`, `${i + 1} mln zł`]);
    const big = doc(...longDraft(120, 50).content!, table(["Działanie", "Budżet"], ...rows));
    const buffer = await draftToPdf("Długi projekt", big, meta);
    const texts = await pages(buffer);
    expect(texts.length).toBeGreaterThanOrEqual(10);
    texts.forEach((page, i) => expect(page).toContain(`Strona ${i + 1} z ${texts.length}`));
    const withTable = texts.filter((page) => page.includes("Działanie 80") || /Działanie \d+:/.test(page));
    expect(withTable.length).toBeGreaterThan(1);
    for (const page of withTable) expect(page).toMatch(/Działanie\s+Budżet/);
    expect(texts.join("\n")).toContain("Działanie 80: modernizacja");
  });
});
