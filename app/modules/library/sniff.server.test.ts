import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ContentMismatch, ContentSniffer, contentMatches, detect, odfMimetype, SNIFF_BYTES } from "./sniff.server";

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

/** A minimal ZIP local header whose first entry is `name` stored uncompressed with `content`. */
function zipWithFirstEntry(name: string, content: string) {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(10, 4);
  header.writeUInt16LE(0, 8); // stored
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, Buffer.from(name), Buffer.from(content), Buffer.alloc(64)]);
}

const samples = {
  pdf: bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF"),
  gif: bytes("GIF89a", [1, 0, 1, 0]),
  webp: bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "),
  docx: zipWithFirstEntry("[Content_Types].xml", "<?xml?>"),
  odt: zipWithFirstEntry("mimetype", "application/vnd.oasis.opendocument.text"),
  ods: zipWithFirstEntry("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
  ole2: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
  exe: bytes("MZ", [0x90, 0, 3, 0, 0, 0, 4, 0], "This program cannot be run in DOS mode. %PDF-1.4"),
  elf: bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
  text: Buffer.from("Strategia transformacji — Bełchatów, Kleszczów\nŻółć;gęś;1,5\n", "utf8"),
  cp1250: Buffer.from([0x50, 0x72, 0xb9, 0x64, 0x0d, 0x0a, 0xaf, 0xf3, 0xb3, 0xe6]),
};

describe("magic bytes", () => {
  it.each([
    ["pdf", samples.pdf],
    ["png", samples.png],
    ["jpg", samples.jpeg],
    ["jpeg", samples.jpeg],
    ["gif", samples.gif],
    ["webp", samples.webp],
    ["docx", samples.docx],
    ["xlsx", samples.docx],
    ["pptx", samples.docx],
    ["odt", samples.odt],
    ["ods", samples.ods],
    ["doc", samples.ole2],
    ["xls", samples.ole2],
    ["ppt", samples.ole2],
    ["zip", samples.docx],
    ["zip", samples.odt],
    ["txt", samples.text],
    ["csv", samples.cp1250],
    ["md", Buffer.from("# Tytuł\n\n<script>alert(1)</script>\n")],
    ["txt", Buffer.alloc(0)],
  ] as const)("accepts a real .%s", (ext, head) => {
    expect(contentMatches(ext, head)).toBe(true);
  });

  it.each([
    ["pdf", samples.exe, "executable"],
    ["pdf", samples.elf, "executable"],
    ["txt", samples.exe, "executable"],
    ["png", samples.jpeg, "jpeg"],
    ["docx", samples.odt, "odf"],
    ["odt", samples.docx, "zip"],
    ["ods", samples.odt, "odf"],
    ["doc", samples.docx, "zip"],
    ["txt", samples.png, "png"],
    ["csv", Buffer.from([0x61, 0x00, 0x62]), "unknown"],
    ["pdf", Buffer.alloc(0), "text"],
    ["zip", Buffer.from("#!/bin/sh\nrm -rf /\n"), "executable"],
  ] as const)("refuses a .%s whose content is something else (%#)", (ext, head, detected) => {
    expect(contentMatches(ext, head)).toBe(false);
    expect(detect(head)).toBe(detected);
  });

  it("reads the OpenDocument mimetype entry", () => {
    expect(odfMimetype(samples.odt)).toBe("application/vnd.oasis.opendocument.text");
    expect(odfMimetype(samples.docx)).toBeNull();
    expect(odfMimetype(samples.pdf)).toBeNull();
  });
});

async function sniff(ext: "pdf" | "txt", chunks: Buffer[]) {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    new ContentSniffer(ext),
    new Writable({
      write(chunk, _enc, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(out);
}

describe("ContentSniffer", () => {
  it("passes every byte through once the head matches, however it is chunked", async () => {
    const body = Buffer.concat([samples.pdf, Buffer.alloc(SNIFF_BYTES * 3, 0x41)]);
    const chunks = [body.subarray(0, 3), body.subarray(3, 5000), body.subarray(5000)];
    expect((await sniff("pdf", chunks)).equals(body)).toBe(true);
  });

  it("decides on the whole file when it is shorter than the head", async () => {
    expect((await sniff("txt", [Buffer.from("krótki")])).toString()).toBe("krótki");
  });

  it("errors before passing anything on when the content does not match", async () => {
    const body = Buffer.concat([samples.exe, Buffer.alloc(SNIFF_BYTES * 2)]);
    await expect(sniff("pdf", [body])).rejects.toBeInstanceOf(ContentMismatch);
  });
});
