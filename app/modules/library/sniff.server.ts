// Content checks by magic bytes: a file is accepted only when its first bytes are what its
// extension promises. The name alone proves nothing — a ".pdf" that starts with "MZ" is a
// Windows program and is refused.
import { Transform, type TransformCallback } from "node:stream";
import type { AllowedExtension } from "./file-types";
import { FILE_TYPES } from "./file-types";

/** How many leading bytes are inspected (enough for every signature below). */
export const SNIFF_BYTES = 4096;

export type Detected = "executable" | "pdf" | "png" | "jpeg" | "gif" | "webp" | "zip" | "odf" | "ole2" | "text" | "unknown";

const startsWith = (head: Uint8Array, bytes: number[], offset = 0) =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Windows PE ("MZ"), ELF, Mach-O (32/64, both byte orders, fat), shell scripts. */
function isExecutable(head: Uint8Array): boolean {
  return (
    startsWith(head, ascii("MZ")) ||
    startsWith(head, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(head, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(head, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(head, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(head, [0xca, 0xfe, 0xba, 0xbe]) ||
    startsWith(head, ascii("#!"))
  );
}

/**
 * The `mimetype` entry of an OpenDocument file: by the standard it is the first entry of the ZIP,
 * stored uncompressed, so its content sits right after the local header.
 */
export function odfMimetype(head: Uint8Array): string | null {
  if (!startsWith(head, ZIP_LOCAL) || head.length < 30) return null;
  const u16 = (o: number) => head[o] | (head[o + 1] << 8);
  const u32 = (o: number) => (head[o] | (head[o + 1] << 8) | (head[o + 2] << 16)) + head[o + 3] * 0x1000000;
  const method = u16(8);
  const size = u32(22);
  const nameLength = u16(26);
  const extraLength = u16(28);
  const name = Buffer.from(head.subarray(30, 30 + nameLength)).toString("latin1");
  if (name !== "mimetype" || method !== 0 || size > 200) return null;
  const start = 30 + nameLength + extraLength;
  if (head.length < start + size) return null;
  return Buffer.from(head.subarray(start, start + size)).toString("latin1");
}

/** Plain text: no control bytes other than tab, line breaks and form feed (UTF-16 with a BOM is text too). */
export function looksLikeText(head: Uint8Array): boolean {
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true;
  for (const byte of head) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20) || byte === 0x7f) return false;
  }
  return true;
}

const hasPdfHeader = (head: Uint8Array) => Buffer.from(head.subarray(0, 1024)).includes("%PDF-");
const isZip = (head: Uint8Array) => startsWith(head, ZIP_LOCAL) || startsWith(head, ZIP_EMPTY);

const SIGNATURE_CHECKS = {
  png: (head: Uint8Array) => startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: (head: Uint8Array) => startsWith(head, [0xff, 0xd8, 0xff]),
  gif: (head: Uint8Array) => startsWith(head, ascii("GIF87a")) || startsWith(head, ascii("GIF89a")),
  webp: (head: Uint8Array) => startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8),
  ole2: (head: Uint8Array) => startsWith(head, OLE2),
};

/** What the first bytes look like, for the refusal message. */
export function detect(head: Uint8Array): Detected {
  if (isExecutable(head)) return "executable";
  for (const [name, check] of Object.entries(SIGNATURE_CHECKS)) if (check(head)) return name as Detected;
  if (odfMimetype(head)) return "odf";
  if (isZip(head)) return "zip";
  if (hasPdfHeader(head)) return "pdf";
  if (looksLikeText(head)) return "text";
  return "unknown";
}

/** Does the content (its first bytes; the whole file when shorter) match what the extension promises? */
export function contentMatches(ext: AllowedExtension, head: Uint8Array): boolean {
  if (isExecutable(head)) return false;
  const type = FILE_TYPES[ext];
  switch (type.signature) {
    case "pdf":
      // The PDF standard allows the header anywhere in the first 1024 bytes.
      return hasPdfHeader(head);
    case "png":
    case "jpeg":
    case "gif":
    case "webp":
    case "ole2":
      return SIGNATURE_CHECKS[type.signature](head);
    case "ooxml":
      // Word/Excel/PowerPoint files are ZIP packages (but not OpenDocument ones).
      return startsWith(head, ZIP_LOCAL) && odfMimetype(head) === null;
    case "odf":
      return odfMimetype(head) === type.mime;
    case "zip":
      return isZip(head);
    case "text":
      return looksLikeText(head);
  }
}

export class ContentMismatch extends Error {
  constructor(readonly detected: Detected) {
    super(`Content does not match the file type (looks like: ${detected})`);
    this.name = "ContentMismatch";
  }
}

/**
 * Passes bytes through once the first SNIFF_BYTES (or the whole, shorter file) match `ext`;
 * errors with ContentMismatch otherwise, before anything past the head is passed on.
 */
export class ContentSniffer extends Transform {
  private head: Buffer[] = [];
  private headLength = 0;
  private decided = false;

  constructor(private readonly ext: AllowedExtension) {
    super();
  }

  private decide(): Error | null {
    this.decided = true;
    const head = Buffer.concat(this.head);
    this.head = [];
    if (!contentMatches(this.ext, head.subarray(0, SNIFF_BYTES))) return new ContentMismatch(detect(head.subarray(0, SNIFF_BYTES)));
    this.push(head);
    return null;
  }

  _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    if (this.decided) return done(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < SNIFF_BYTES) return done();
    done(this.decide());
  }

  _flush(done: TransformCallback) {
    done(this.decided ? null : this.decide());
  }
}
