// The pictures of a draft for its DOCX/PDF export. The editor only inserts library preview addresses
// (/przestrzenie/<workspace>/pliki/<document>/v/<number>/podglad); each is read straight from the
// file store, but only when it names a live document of the draft's own workspace: an address of
// another workspace, a trashed document, a missing file, something too big or not a PNG/JPEG/GIF
// stays out of the map, and the export prints the image's placeholder instead.
import type { Readable } from "node:stream";
import { openStored } from "~/modules/library/library.server";
import { db } from "~/utils/db.server";
import { imageInfo } from "./images-size";
import type { ExportImage } from "./meta";
import { children, type PmNode } from "./prosemirror";

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_TOTAL_IMAGE_BYTES = 30 * 1024 * 1024;
/** Distinct pictures looked up per export (keeps the one query small). */
export const MAX_IMAGES = 100;

const IMAGE_MIME = ["image/png", "image/jpeg", "image/gif"];
/** Ids are cuids, so encodeURIComponent leaves them as they are: no dots, no escapes, nothing else. */
const PREVIEW_SRC = /^\/przestrzenie\/([A-Za-z0-9_-]{1,64})\/pliki\/([A-Za-z0-9_-]{1,64})\/v\/([1-9]\d{0,8})\/podglad$/;

type ImageRef = { src: string; documentId: string; number: number };

/** The library version a preview address names, when it is one of this workspace; null otherwise. */
export function parsePreviewSrc(workspaceId: string, src: string): ImageRef | null {
  const match = PREVIEW_SRC.exec(src);
  if (!match) return null;
  const [, ws, documentId, number] = match;
  if (ws !== workspaceId) return null;
  return { src, documentId, number: Number(number) };
}

/** Every image address of the document, in reading order, each once. */
function imageSources(doc: PmNode): string[] {
  const seen = new Set<string>();
  const walk = (node: PmNode) => {
    if (node.type === "image" && typeof node.attrs?.src === "string") seen.add(node.attrs.src);
    children(node).forEach(walk);
  };
  walk(doc);
  return [...seen];
}

/** Reads at most `limit` bytes; null when the content is longer (or cannot be read). */
async function readUpTo(key: string, limit: number): Promise<Buffer | null> {
  let stream: Readable;
  try {
    stream = await openStored(key);
  } catch {
    return null; // lost storage: openStored has logged it
  }
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      length += chunk.length;
      if (length > limit) return null;
      chunks.push(chunk);
    }
  } catch {
    return null;
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, length);
}

/**
 * The draft's pictures by their `src`, read from the library of `workspaceId` (the draft's own
 * workspace; the caller has checked the reader sees the draft). One database query for all of them.
 */
export async function resolveDraftImages(workspaceId: string, doc: PmNode): Promise<Map<string, ExportImage>> {
  const out = new Map<string, ExportImage>();
  const refs = imageSources(doc)
    .map((src) => parsePreviewSrc(workspaceId, src))
    .filter((ref): ref is ImageRef => !!ref)
    .slice(0, MAX_IMAGES);
  if (!refs.length) return out;

  const versions = await db.documentVersion.findMany({
    where: {
      OR: refs.map((r) => ({ documentId: r.documentId, number: r.number })),
      mimeType: { in: IMAGE_MIME },
      document: { workspaceId, deletedAt: null },
    },
    select: { documentId: true, number: true, storageKey: true, size: true },
  });
  const byRef = new Map(versions.map((v) => [`${v.documentId}/${v.number}`, v]));

  let budget = MAX_TOTAL_IMAGE_BYTES;
  for (const ref of refs) {
    const version = byRef.get(`${ref.documentId}/${ref.number}`);
    if (!version) continue;
    const declared = Number(version.size);
    const limit = Math.min(MAX_IMAGE_BYTES, budget);
    if (declared > limit) continue;
    const data = await readUpTo(version.storageKey, limit);
    if (!data) continue;
    const info = imageInfo(data);
    if (!info) continue;
    budget -= data.length;
    out.set(ref.src, { data, ...info });
  }
  return out;
}
