// Browser side of uploads: one XMLHttpRequest per file (fetch cannot report upload progress),
// two at a time, with progress, speed and cancel. Files that are too large or of a type the
// server refuses anyway are stopped here, before a single byte is sent. When the page says files
// are stored at UploadThing, each file goes there directly instead (useUploadThingUploads.ts),
// with the same rows, progress, speed, cancel and answers.
import { useCallback, useEffect, useRef, useState } from "react";
import { useRevalidator } from "@remix-run/react";
import { translateMessage } from "~/utils/i18n";
import { useLocale, useT } from "~/utils/i18n-react";
import { ALLOWED_LIST, extensionOf, isAllowedExtension, MB } from "../file-types";
import { formatBytes } from "../format";
import { startUploadThingUpload, useUploadThingMode } from "./useUploadThingUploads";

export type UploadStatus = "queued" | "uploading" | "processing" | "done" | "error" | "cancelled";

export type UploadItem = {
  id: string;
  name: string;
  size: number;
  /** Bytes of the request body sent so far, and its total (the file plus a little multipart framing). */
  loaded: number;
  total: number;
  /** Bytes per second, smoothed. */
  speed: number;
  status: UploadStatus;
  /** Translated, ready to show. */
  message?: string;
  result?: { documentId: string; number: number; created: boolean; url: string };
};

type Options = {
  /** Where to POST a file. */
  url: string;
  maxBytes: number;
  /** Optional change note sent with every file (new version dialog). */
  note?: string;
  /** After the last running upload finished (the page's data is revalidated too). */
  onSettled?: (items: UploadItem[]) => void;
};

const CONCURRENCY = 2;
let nextId = 0;

export function useUploads({ url, maxBytes, note, onSettled }: Options) {
  const t = useT();
  const locale = useLocale();
  const revalidator = useRevalidator();
  const [items, setItems] = useState<UploadItem[]>([]);
  const files = useRef(new Map<string, File>());
  /** Running uploads: an XMLHttpRequest, or a direct upload to UploadThing (both can abort). */
  const requests = useRef(new Map<string, { abort(): void }>());
  const direct = useUploadThingMode();
  const target = useRef({ url, note });
  target.current = { url, note };
  const [announcement, setAnnouncement] = useState("");

  const update = useCallback((id: string, patch: Partial<UploadItem>) => {
    setItems((list) => list.map((item) => (item.id === id ? { ...item, ...patch } : item)));
  }, []);

  /** Checks each file and queues those that may go. */
  const add = useCallback(
    (picked: File[]) => {
      const maxMb = Math.round(maxBytes / MB);
      const added: UploadItem[] = picked.map((file) => {
        const id = `u${++nextId}`;
        const base = { id, name: file.name, size: file.size, loaded: 0, total: file.size, speed: 0 };
        if (!isAllowedExtension(extensionOf(file.name))) {
          return { ...base, status: "error" as const, message: t("library.upload.typeNotAllowed", { name: file.name, allowed: ALLOWED_LIST }) };
        }
        if (file.size > maxBytes) {
          return { ...base, status: "error" as const, message: t("library.upload.tooLargeClient", { name: file.name, size: formatBytes(file.size, locale), max: maxMb }) };
        }
        files.current.set(id, file);
        return { ...base, status: "queued" as const };
      });
      setItems((list) => [...list, ...added]);
    },
    [maxBytes, t, locale],
  );

  const start = useCallback(
    (item: UploadItem) => {
      const file = files.current.get(item.id);
      if (!file) return;
      let sample = { time: performance.now(), loaded: 0 };
      let speed = 0;
      const finish = (patch: Partial<UploadItem>) => {
        requests.current.delete(item.id);
        files.current.delete(item.id);
        update(item.id, patch);
      };
      const progress = (loaded: number, total: number) => {
        const now = performance.now();
        const elapsed = (now - sample.time) / 1000;
        if (elapsed >= 0.25) {
          const current = (loaded - sample.loaded) / elapsed;
          speed = speed ? speed * 0.7 + current * 0.3 : current;
          sample = { time: now, loaded };
        }
        update(item.id, { loaded, total, speed, status: loaded >= total ? "processing" : "uploading" });
      };
      const failed = (message: string) => {
        finish({ status: "error", message });
        setAnnouncement(t("library.upload.announceError", { name: item.name, error: message }));
      };
      if (direct) {
        const upload = startUploadThingUpload(target.current.url, file, target.current.note, {
          onProgress: (loaded) => progress(loaded, file.size),
          onDone: (body) => {
            if (!body.ok) return failed(translateMessage(t, body.error) ?? t("library.upload.failedServer"));
            const message = body.created ? t("library.upload.doneNew") : t("library.upload.doneVersion", { number: body.number });
            finish({ status: "done", message, loaded: item.total, result: { documentId: body.documentId, number: body.number, created: body.created, url: body.url } });
            setAnnouncement(t("library.upload.announceDone", { name: item.name }));
          },
          onError: (key) => failed(translateMessage(t, key) ?? t("library.upload.failedServer")),
          onCancel: () => finish({ status: "cancelled", message: t("library.upload.cancelled") }),
        });
        requests.current.set(item.id, upload);
        update(item.id, { status: "uploading" });
        return;
      }
      const xhr = new XMLHttpRequest();
      requests.current.set(item.id, xhr);
      xhr.upload.onprogress = (event) => progress(event.loaded, event.lengthComputable ? event.total : file.size);
      xhr.onload = () => {
        const body = (xhr.response ?? null) as { ok?: boolean; error?: string; documentId?: string; number?: number; created?: boolean; url?: string } | null;
        if (xhr.status >= 200 && xhr.status < 300 && body?.ok) {
          const message = body.created ? t("library.upload.doneNew") : t("library.upload.doneVersion", { number: body.number ?? 0 });
          finish({ status: "done", message, loaded: item.total, result: { documentId: body.documentId!, number: body.number!, created: !!body.created, url: body.url! } });
          setAnnouncement(t("library.upload.announceDone", { name: item.name }));
          return;
        }
        const message =
          translateMessage(t, body?.error ?? undefined) ??
          (xhr.status === 413
            ? t("library.upload.tooLarge", { max: Math.round(maxBytes / MB) })
            : xhr.status === 403
              ? t("library.upload.forbidden")
              : xhr.status === 404
                ? t("library.upload.notFound")
                : t("library.upload.failed", { status: xhr.status }));
        finish({ status: "error", message });
        setAnnouncement(t("library.upload.announceError", { name: item.name, error: message }));
      };
      xhr.onerror = () => {
        const message = t("library.upload.network");
        finish({ status: "error", message });
        setAnnouncement(t("library.upload.announceError", { name: item.name, error: message }));
      };
      xhr.onabort = () => finish({ status: "cancelled", message: t("library.upload.cancelled") });
      const body = new FormData();
      if (target.current.note) body.append("note", target.current.note);
      body.append("file", file, file.name);
      xhr.open("POST", target.current.url);
      xhr.responseType = "json";
      xhr.setRequestHeader("Accept", "application/json");
      update(item.id, { status: "uploading" });
      xhr.send(body);
    },
    [update, t, maxBytes, direct],
  );

  // Keep CONCURRENCY uploads running while any are queued.
  useEffect(() => {
    const running = items.filter((i) => i.status === "uploading" || i.status === "processing").length;
    const queued = items.filter((i) => i.status === "queued" && !requests.current.has(i.id));
    for (const item of queued.slice(0, Math.max(0, CONCURRENCY - running))) start(item);
  }, [items, start]);

  // When everything has settled: refresh the page's data once.
  const active = items.some((i) => i.status === "queued" || i.status === "uploading" || i.status === "processing");
  const wasActive = useRef(false);
  useEffect(() => {
    if (wasActive.current && !active) {
      if (items.some((i) => i.status === "done")) revalidator.revalidate();
      onSettled?.(items);
    }
    wasActive.current = active;
  }, [active, items, onSettled, revalidator]);

  // Leaving the page would cancel running uploads: ask first.
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = t("library.upload.leaveWarning");
      return event.returnValue;
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active, t]);

  // Unmounting (navigating away inside the app) cancels what is still running.
  useEffect(() => {
    const running = requests.current;
    return () => {
      for (const xhr of running.values()) xhr.abort();
    };
  }, []);

  const cancel = useCallback(
    (id: string) => {
      const xhr = requests.current.get(id);
      if (xhr) xhr.abort();
      else {
        files.current.delete(id);
        update(id, { status: "cancelled", message: t("library.upload.cancelled") });
      }
    },
    [update, t],
  );

  const clearFinished = useCallback(() => {
    setItems((list) => list.filter((i) => i.status === "queued" || i.status === "uploading" || i.status === "processing"));
  }, []);

  return { items, add, cancel, clearFinished, active, announcement };
}
