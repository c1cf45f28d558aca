import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { draftToDocx } from "./docx.server";
import { doc, p } from "./fixtures";
import { parsePreviewSrc } from "./images.server";
import type { ExportImage } from "./meta";
import { draftToPdf } from "./pdf.server";

const WS = "cmws123";
const meta = { workspaceName: "Strategia", exportedAt: new Date("2026-11-24T13:05:00Z") };
/** The classic 1×1 GIF89a. */
const GIF = Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");

describe("parsePreviewSrc", () => {
  it("accepts only this workspace's preview addresses, exactly", () => {
    expect(parsePreviewSrc(WS, `/przestrzenie/${WS}/pliki/doc1/v/3/podglad`)).toEqual({ src: `/przestrzenie/${WS}/pliki/doc1/v/3/podglad`, documentId: "doc1", number: 3 });
    for (const src of [
      `/przestrzenie/other/pliki/doc1/v/3/podglad`,
      `https://example.org/przestrzenie/${WS}/pliki/doc1/v/3/podglad`,
      `/przestrzenie/${WS}/pliki/doc1/v/3/pobierz`,
      `/przestrzenie/${WS}/pliki/doc1/v/0/podglad`,
      `/przestrzenie/${WS}/pliki/doc1/v/3/podglad?x=1`,
      `/przestrzenie/${WS}/pliki/../v/3/podglad`,
      `/przestrzenie/${WS}/pliki/%E0%A4%A/v/3/podglad`,
      `data:image/png;base64,AAAA`,
    ])
      expect(parsePreviewSrc(WS, src)).toBeNull();
  });
});

describe("the renderers with pictures", () => {
  const src = `/przestrzenie/${WS}/pliki/doc1/v/1/podglad`;
  const draft = doc(p("Przed."), { type: "image", attrs: { src, alt: "Logo" } }, p("Po."));
  const gif: ExportImage = { data: GIF, type: "gif", width: 1, height: 1 };

  it("puts a GIF into the Word file but keeps its placeholder in the PDF (pdfkit has no GIF)", async () => {
    const images = new Map([[src, gif]]);
    const zip = await JSZip.loadAsync(await draftToDocx("Projekt", draft, { ...meta, images }));
    expect(Object.keys(zip.files).filter((n) => n.startsWith("word/media/"))[0]).toMatch(/\.gif$/);
    const pdf = await draftToPdf("Projekt", draft, { ...meta, images });
    expect(pdf.toString("latin1")).not.toContain("/Subtype /Image");
  });

  it("scales a picture wider than the page down to 16 cm, keeping its shape", async () => {
    const wide: ExportImage = { ...gif, width: 3000, height: 1500 };
    const zip = await JSZip.loadAsync(await draftToDocx("Projekt", draft, { ...meta, images: new Map([[src, wide]]) }));
    const xml = await zip.file("word/document.xml")!.async("string");
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(xml)!;
    expect(Number(cx) / 360000).toBeCloseTo(16, 1); // EMU per cm
    expect(Number(cx) / Number(cy)).toBeCloseTo(2, 1);
  });
});
