import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { makeDocx, makePdf } from "./sample-files";

describe("sample files", () => {
  it("makes a PDF with a valid header, xref and trailer", () => {
    const pdf = makePdf("Diagnoza społeczno-gospodarcza", ["Region Bełchatów–Kleszczów (2026)."]).toString("latin1");
    expect(pdf.startsWith("%PDF-1.4")).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xref, xref + 4)).toBe("xref");
    expect(pdf).toContain("(Diagnoza spoleczno-gospodarcza)");
    expect(pdf).toContain("(Region Belchatow-Kleszczow \\(2026\\).)");
  });

  it("makes a DOCX that unzip lists and whose XML keeps Polish letters", () => {
    const docx = makeDocx("Projekt strategii", ["Żółć i łąka"]);
    expect(docx.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    let listing = "";
    try {
      listing = execFileSync("python3", ["-c", "import sys,zipfile,io;z=zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()));print(z.testzip());print(z.read('word/document.xml').decode())"], { input: docx }).toString();
    } catch (error) {
      throw new Error(`zip not readable: ${String(error)}`);
    }
    expect(listing.split("\n")[0]).toBe("None");
    expect(listing).toContain("Żółć i łąka");
    expect(listing).toContain('w:val="Heading1"');
  });
});
