// DOCX preview on the file page: mammoth turns the document into simple HTML (headings,
// paragraphs, lists, tables, links; images are never read), then the strict allowlist sanitizer
// keeps only text structure. Versions are immutable, so results are cached by storage key.
import mammoth from "mammoth";
import { db } from "~/utils/db.server";
import { notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { requireWorkspace } from "~/modules/workspaces/access.server";
import { getFileStore } from "~/modules/storage/storage.server";
import { DOCX_MIME } from "./extract.server";
import { sanitizeDocumentHtml } from "./sanitize-html.server";
import type { DocxPreviewData } from "./search-types";

export type { DocxPreviewData } from "./search-types";

/** Larger files are not converted (offered for download instead). */
export const DOCX_PREVIEW_MAX_BYTES = 20 * 1024 * 1024;
/** At most this much HTML goes to the page; longer documents are cut at an element boundary. */
export const DOCX_PREVIEW_MAX_HTML = 400 * 1024;
const CACHE_ENTRIES = 16;

const cache = new Map<string, DocxPreviewData>();

/** Cuts sanitized HTML to at most `max` characters after a closing tag, and lets the sanitizer re-close what is open. */
export function capHtml(html: string, max = DOCX_PREVIEW_MAX_HTML): { html: string; truncated: boolean } {
  if (html.length <= max) return { html, truncated: false };
  const cut = html.lastIndexOf("</", max);
  const end = cut > 0 ? html.indexOf(">", cut) + 1 : 0;
  return { html: sanitizeDocumentHtml(html.slice(0, end > 0 && end <= max + 64 ? end : 0)), truncated: true };
}

/** DOCX bytes → sanitized, size-capped HTML. */
export async function docxToSafeHtml(bytes: Buffer): Promise<{ html: string; truncated: boolean }> {
  const result = await mammoth.convertToHtml(
    { buffer: bytes },
    {
      // Images are dropped by the sanitizer anyway: don't even decode them.
      convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      externalFileAccess: false,
      ignoreEmptyParagraphs: true,
    },
  );
  return capHtml(demoteHeadings(sanitizeDocumentHtml(result.value)));
}

/**
 * The preview sits under the page's own headings (its section title is an h3), so the document's
 * h1–h6 become h4–h6: one outline for screen readers. Sanitized headings carry no attributes.
 */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])>/g, (_m, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 3)}>`);
}

async function readAll(key: string): Promise<Buffer> {
  const stream = await getFileStore().open(key);
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * For the file page's loader: the preview of version `version` of a live DOCX in the workspace.
 * Checks access first (404 when the workspace is not visible or the file is not in it); null
 * when that version is not a DOCX.
 */
export async function docxPreviewHtml(user: AuthUser, workspaceId: string, documentId: string, version: number): Promise<DocxPreviewData | null> {
  const access = await requireWorkspace(user, workspaceId, "view");
  if (!Number.isSafeInteger(version) || version < 1) notFound();
  const found = await db.documentVersion.findFirst({
    where: { number: version, document: { id: documentId, workspaceId: access.workspace.id, deletedAt: null } },
    select: { storageKey: true, mimeType: true, size: true },
  });
  if (!found) notFound();
  if (found.mimeType !== DOCX_MIME) return null;
  if (Number(found.size) > DOCX_PREVIEW_MAX_BYTES) return { status: "tooLarge" };
  const cached = cache.get(found.storageKey);
  if (cached) return cached;
  let preview: DocxPreviewData;
  try {
    preview = { status: "ok", ...(await docxToSafeHtml(await readAll(found.storageKey))) };
  } catch (error) {
    console.error(JSON.stringify({ level: "warn", msg: "search: DOCX preview failed", documentId, version, error: String(error) }));
    return { status: "failed" };
  }
  cache.set(found.storageKey, preview);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return preview;
}
