// Browser side of uploads straight to UploadThing (ADR 0011), used by useUploads when the page's
// loader says files are stored there (`uploadMode: "uploadthing"`). One file per request, so each
// row keeps its own progress, speed and cancel: our /api/uploadthing authorises and hands out a
// presigned URL, the browser PUTs the file to UploadThing (XHR with progress, inside the
// uploadthing client), and UploadThing's signed callback lets our server check and record it; its
// answer comes back as `serverData`, the same JSON as the streamed upload route.
import { useMatches } from "@remix-run/react";
import { isMessageKey } from "~/utils/i18n";
import { FILE_TYPES, extensionOf, isAllowedExtension } from "../file-types";
import { LIBRARY_FILE_ROUTE, UPLOADTHING_ENDPOINT, targetOfUploadUrl, type DirectUploadResult } from "../direct-upload";
import type { LibraryFileRouter } from "../uploadthing-router.server";

/** True when a loader of the current page says uploads go straight to UploadThing. */
export function useUploadThingMode(): boolean {
  return useMatches().some((m) => (m.data as { uploadMode?: unknown } | undefined)?.uploadMode === "uploadthing");
}

export type DirectUploadHandlers = {
  /** Bytes of the file sent so far. */
  onProgress(loaded: number): void;
  onDone(result: DirectUploadResult): void;
  /** A refusal or failure: a translation key ("key|{vars}") of ours, or a fallback key. */
  onError(message: string): void;
  onCancel(): void;
};

/**
 * Starts one upload to UploadThing for a library upload URL (libraryUrls.upload). Returns an
 * `abort` that cancels it (before or during the transfer). The file is sent with the canonical
 * MIME type of its extension (browsers disagree, e.g. CSV as "application/vnd.ms-excel"): the
 * server accepts only that type for that extension.
 */
export function startUploadThingUpload(uploadUrl: string, file: File, note: string | undefined, handlers: DirectUploadHandlers): { abort(): void } {
  const controller = new AbortController();
  const target = targetOfUploadUrl(uploadUrl);
  const ext = extensionOf(file.name);
  void (async () => {
    if (!target || !isAllowedExtension(ext)) return handlers.onError("library.upload.badRequest");
    // Loaded on first use: the rest of the library does not carry the client's code.
    const { genUploader, UploadAbortedError } = await import("uploadthing/client");
    const { uploadFiles } = genUploader<LibraryFileRouter>({ url: UPLOADTHING_ENDPOINT, package: "razem" });
    const typed = new File([file], file.name, { type: FILE_TYPES[ext].mime, lastModified: file.lastModified });
    try {
      const [uploaded] = await uploadFiles(LIBRARY_FILE_ROUTE, {
        files: [typed],
        input: { ...target, note: note ?? null },
        signal: controller.signal,
        onUploadProgress: ({ loaded }) => handlers.onProgress(loaded),
      });
      const result = uploaded?.serverData as DirectUploadResult | undefined;
      if (result) handlers.onDone(result);
      else handlers.onError("library.upload.failedServer");
    } catch (error) {
      if (controller.signal.aborted || error instanceof UploadAbortedError) return handlers.onCancel();
      const message = error instanceof Error ? error.message : "";
      const code = (error as { code?: string } | null)?.code;
      handlers.onError(
        isMessageKey(message.split("|", 1)[0])
          ? message
          : code === "UPLOAD_FAILED"
            ? "library.upload.failedCloud"
            : code === "INTERNAL_CLIENT_ERROR"
              ? "library.upload.network"
              : "library.upload.failedServer",
      );
    }
  })().catch(() => handlers.onError("library.upload.network"));
  return { abort: () => controller.abort() };
}
