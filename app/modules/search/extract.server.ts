// Text extraction for search, in the background (never in the upload request): PDF (unpdf, a
// pure-JS build of pdf.js), DOCX (mammoth), TXT/MD/CSV (decoded as UTF-8). The result is one
// DocumentText row per version: DONE with the text (capped), FAILED with the reason, or
// UNSUPPORTED for other types. Each run handles a few versions, current versions first.
import type { Readable } from "node:stream";
import mammoth from "mammoth";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { getFileStore, StoredFileMissing } from "~/modules/storage/storage.server";
import { asTextStatus, indexDocument } from "./search.server";
import type { ExtractionStatusInfo, TextStatus } from "./search-types";

/** Stored text per version, in characters: plenty for search and snippets, bounded for the database. */
export const MAX_TEXT_CHARS = 200_000;
/** Larger PDF/DOCX files are not read for search (they stay findable by name). */
export const MAX_EXTRACT_BYTES = 50 * 1024 * 1024;
/** Of a text file only the beginning is read: enough bytes for MAX_TEXT_CHARS characters. */
const TEXT_READ_BYTES = MAX_TEXT_CHARS * 4;

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const TEXT_MIMES = new Set(["text/plain", "text/markdown", "text/csv"]);

export type ExtractKind = "pdf" | "docx" | "text";

export function extractKindOf(mimeType: string): ExtractKind | null {
  if (mimeType === "application/pdf") return "pdf";
  if (mimeType === DOCX_MIME) return "docx";
  if (TEXT_MIMES.has(mimeType)) return "text";
  return null;
}

export type Extracted = { status: Exclude<TextStatus, "PENDING">; content: string | null; error: string | null };

/** NFC (so offsets match the search index), no control characters, tidy whitespace, capped. */
export function normalizeExtracted(text: string): string {
  let out = text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, " ")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (out.length > MAX_TEXT_CHARS) {
    out = out.slice(0, MAX_TEXT_CHARS);
    // Never end on half of a surrogate pair.
    if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  }
  return out;
}

/** UTF-8 (BOM dropped); UTF-16 with a BOM; anything that is not valid UTF-8 as Windows-1250 (Polish exports). */
export function decodeTextBytes(bytes: Uint8Array, truncated = false): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    // `stream` when we cut the file: a character split at the cut is not an error.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: truncated });
  } catch {
    return new TextDecoder("windows-1250").decode(bytes);
  }
}

async function readStored(key: string, maxBytes: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  const stream: Readable = await getFileStore().open(key);
  const chunks: Buffer[] = [];
  let length = 0;
  let truncated = false;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= maxBytes) {
        truncated = length > maxBytes;
        break;
      }
    }
  } finally {
    stream.destroy();
  }
  return { bytes: Buffer.concat(chunks).subarray(0, maxBytes), truncated };
}

type TextItemLike = { str?: string; hasEOL?: boolean };

/** Text of a PDF, page by page, stopping once there is enough (pdf.js yields between pages). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { getDocumentProxy } = await import("unpdf");
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, disableFontFace: true, stopAtErrors: false });
  try {
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= pdf.numPages && length < MAX_TEXT_CHARS; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = (content.items as TextItemLike[]).map((item) => (item.str ?? "") + (item.hasEOL ? "\n" : "")).join("");
      page.cleanup();
      pages.push(text);
      length += text.length;
    }
    return pages.join("\n\n");
  } finally {
    await pdf.destroy();
  }
}

export async function docxText(bytes: Buffer): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: bytes });
  return result.value;
}

/** Extracts the text of stored content of type `mimeType` (size in bytes as recorded). */
export async function extractStoredText(storageKey: string, mimeType: string, size: number): Promise<Extracted> {
  const kind = extractKindOf(mimeType);
  if (!kind) return { status: "UNSUPPORTED", content: null, error: null };
  if (kind !== "text" && size > MAX_EXTRACT_BYTES) return { status: "UNSUPPORTED", content: null, error: "too-large" };
  try {
    let raw: string;
    if (kind === "text") {
      const { bytes, truncated } = await readStored(storageKey, TEXT_READ_BYTES);
      raw = decodeTextBytes(bytes, truncated);
    } else {
      const { bytes } = await readStored(storageKey, MAX_EXTRACT_BYTES + 1);
      raw = kind === "pdf" ? await pdfText(bytes) : await docxText(bytes);
    }
    return { status: "DONE", content: normalizeExtracted(raw), error: null };
  } catch (error) {
    const reason =
      error instanceof StoredFileMissing
        ? "stored-file-missing"
        : error instanceof Error && error.name === "PasswordException"
          ? "encrypted"
          : (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);
    return { status: "FAILED", content: null, error: reason };
  }
}

/**
 * Versions still waiting for text: no DocumentText row or status PENDING, of live documents,
 * current versions first, then newest. Plain SQL (it compares two columns, which Prisma's where
 * cannot); portable: quoted identifiers and a bound limit only.
 */
async function pendingVersionIds(limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT v."id" AS "id"
    FROM "DocumentVersion" v
    JOIN "Document" d ON d."id" = v."documentId"
    LEFT JOIN "DocumentText" t ON t."versionId" = v."id"
    WHERE d."deletedAt" IS NULL AND (t."versionId" IS NULL OR t."status" = 'PENDING')
    ORDER BY CASE WHEN v."number" = d."currentVersion" THEN 0 ELSE 1 END, v."createdAt" DESC, v."id"
    LIMIT ${limit}`);
  return rows.map((r) => r.id);
}

export type ExtractionRun = { processed: number; done: number; failed: number; unsupported: number; more: boolean };

/** Extracts the text of up to `limit` waiting versions and re-indexes their documents. Idempotent. */
export async function extractPendingTexts(limit = 10): Promise<ExtractionRun> {
  const ids = await pendingVersionIds(limit);
  const run: ExtractionRun = { processed: 0, done: 0, failed: 0, unsupported: 0, more: ids.length === limit };
  for (const versionId of ids) {
    const version = await db.documentVersion.findUnique({
      where: { id: versionId },
      select: { id: true, storageKey: true, mimeType: true, size: true, number: true, documentId: true, document: { select: { currentVersion: true } } },
    });
    if (!version) continue;
    const result = await extractStoredText(version.storageKey, version.mimeType, Number(version.size));
    const data = { status: result.status, content: result.content, error: result.error, extractedAt: new Date() };
    try {
      await db.documentText.upsert({ where: { versionId }, create: { versionId, ...data }, update: data });
    } catch (error) {
      // The version was purged meanwhile (foreign key): nothing to record.
      if (!(await db.documentVersion.findUnique({ where: { id: versionId }, select: { id: true } }))) continue;
      throw error;
    }
    run.processed++;
    if (result.status === "DONE") run.done++;
    else if (result.status === "FAILED") run.failed++;
    else run.unsupported++;
    if (result.status === "FAILED") console.error(JSON.stringify({ level: "warn", msg: "search: text extraction failed", versionId, error: result.error }));
    if (version.number === version.document.currentVersion) await indexDocument(version.documentId);
  }
  return run;
}

/** For the file page: where the text extraction of a version stands (no row yet: PENDING). */
export async function extractionStatus(versionId: string): Promise<ExtractionStatusInfo> {
  const text = await db.documentText.findUnique({ where: { versionId }, select: { status: true, content: true, extractedAt: true } });
  return { status: asTextStatus(text?.status), chars: text?.content?.length ?? 0, extractedAt: text?.extractedAt?.toISOString() ?? null };
}

/** The same by document and version number (what the file page has); PENDING when not found. */
export async function extractionStatusOf(documentId: string, number: number): Promise<ExtractionStatusInfo> {
  const version = await db.documentVersion.findUnique({ where: { documentId_number: { documentId, number } }, select: { id: true } });
  return version ? extractionStatus(version.id) : { status: "PENDING", chars: 0, extractedAt: null };
}
