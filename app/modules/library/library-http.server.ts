// HTTP for the library's resource routes: streamed downloads/previews with safe headers, and
// the JSON answers of the upload endpoint.
import { createReadableStreamFromReadable } from "@remix-run/node";
import { extensionOf, isInlinePreviewable } from "./file-types";
import { openStored } from "./library.server";

/** An ASCII stand-in for old clients: diacritics folded, anything else unsafe replaced. */
function asciiFallback(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
}

/** RFC 6266 + RFC 5987: `attachment; filename="Zolw.pdf"; filename*=UTF-8''%C5%BB%C3%B3%C5%82w.pdf`. */
export function contentDisposition(type: "attachment" | "inline", name: string): string {
  const clean = name.replace(/[\r\n]/g, " ");
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${asciiFallback(clean)}"; filename*=UTF-8''${encoded}`;
}

/** "Raport.pdf", version 2 of 5 → "Raport (v2).pdf"; the current version keeps the plain name. */
export function downloadName(name: string, number: number, current: number): string {
  if (number === current) return name;
  const ext = extensionOf(name);
  const stem = ext ? name.slice(0, -(ext.length + 1)) : name;
  return ext ? `${stem} (v${number}).${ext}` : `${stem} (v${number})`;
}

type Version = { number: number; storageKey: string; size: number; mimeType: string; sha256: string; document: { name: string; currentVersion: number } };

/**
 * Streams a stored version. Versions never change, so the SHA-256 is a strong ETag; the answer is
 * private (authorised per request) and `no-transform` keeps proxies and our compression from
 * re-encoding it (so Content-Length stays true).
 */
export async function fileResponse(request: Request, version: Version, disposition: "attachment" | "inline"): Promise<Response> {
  if (disposition === "inline" && !isInlinePreviewable(version.mimeType)) throw new Response("Not Found", { status: 404 });
  const etag = `"${version.sha256}"`;
  const headers = new Headers({
    "Content-Type": version.mimeType,
    "Content-Disposition": contentDisposition(disposition, downloadName(version.document.name, version.number, version.document.currentVersion)),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-cache, no-transform",
    ETag: etag,
  });
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  headers.set("Content-Length", String(version.size));
  if (request.method === "HEAD") return new Response(null, { status: 200, headers });
  const stream = await openStored(version.storageKey);
  request.signal?.addEventListener("abort", () => stream.destroy(), { once: true });
  return new Response(createReadableStreamFromReadable(stream), { status: 200, headers });
}

export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("Content-Type", "application/json; charset=utf-8");
  h.set("Cache-Control", "no-store");
  return new Response(JSON.stringify(body), { status, headers: h });
}
