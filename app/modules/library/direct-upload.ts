// Shared by the browser and the server for uploads that go straight to UploadThing (ADR 0011):
// the file route's name, what the browser sends with a file, and what it gets back.

/** The one UploadThing file route of the library (uploadthing-router.server.ts). */
export const LIBRARY_FILE_ROUTE = "libraryFile";

/** Where UploadThing's route handler is mounted (app/routes/api.uploadthing.ts). */
export const UPLOADTHING_ENDPOINT = "/api/uploadthing";

/** Sent with each file; the server checks all of it again. */
export type DirectUploadInput = { workspaceId: string; folderId?: string | null; documentId?: string | null; note?: string | null };

/** `serverData` of a finished upload: the same JSON as the streamed upload route answers. */
export type DirectUploadResult =
  | { ok: true; documentId: string; number: number; created: boolean; name: string; url: string }
  | { ok: false; error: string };

/**
 * The target of a library upload URL (libraryUrls.upload: /przestrzenie/<ws>/biblioteka/wyslij
 * with ?folder= or ?dokument=), so a component that knows only that URL can upload directly.
 */
export function targetOfUploadUrl(url: string): DirectUploadInput | null {
  const parsed = new URL(url, "http://razem.invalid");
  const match = /^\/przestrzenie\/([^/]+)\/biblioteka\/wyslij\/?$/.exec(parsed.pathname);
  if (!match) return null;
  return {
    workspaceId: decodeURIComponent(match[1]),
    folderId: parsed.searchParams.get("folder") || null,
    documentId: parsed.searchParams.get("dokument") || null,
  };
}
