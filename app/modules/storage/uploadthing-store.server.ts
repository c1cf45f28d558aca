// File contents at UploadThing (used when UPLOADTHING_TOKEN is set; ADR 0011):
//   put    — the server's own uploads (the XHR upload route, restoring a version): the stream is
//            hashed into a temporary file under `tmpDir`, then sent with UTApi.uploadFiles from a
//            file-backed Blob (fs.openAsBlob), so memory stays flat. UTApi takes a Blob/File, not
//            a stream: the temporary file is what makes a streamed, hashed, size-limited put
//            possible. The key UploadThing gives back is the storage key.
//   open   — a signed ufs URL for the key (computed locally, UTApi.generateSignedURL), fetched.
//   remove — UTApi.deleteFiles.
// Browser uploads do not pass through here: they go straight to UploadThing and are recorded by
// the file router's callback (app/modules/library/uploadthing-router.server.ts).
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { UTApi, UTFile } from "uploadthing/server";
import { StoredFileMissing, type FileStore, type PutMeta, type StoredFile } from "./file-store";
import { HashingCounter } from "./local-disk-store.server";

/** How to reach UploadThing. Only `token` in production; the rest lets tests stand in for the cloud. */
export type UploadThingConfig = {
  token: string;
  /** Where puts are spooled before they are sent (removed afterwards). */
  tmpDir: string;
  fetch?: typeof globalThis.fetch;
  /** Overrides of UploadThing's hosts (the package's own options, e.g. a local stand-in). */
  apiUrl?: string;
  ingestUrl?: string;
  ufsHost?: string;
  ufsAppIdLocation?: "subdomain" | "path";
  logLevel?: "All" | "Debug" | "Info" | "Warning" | "Error" | "None";
};

/** UploadThing's file keys: letters, digits, `_` and `-` (custom ids included). */
const KEY_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

export class UploadThingStore implements FileStore {
  readonly config: UploadThingConfig;
  readonly api: UTApi;
  private readonly fetch: typeof globalThis.fetch;

  constructor(config: UploadThingConfig) {
    this.config = config;
    this.fetch = config.fetch ?? globalThis.fetch;
    this.api = new UTApi({
      token: config.token,
      fetch: this.fetch,
      apiUrl: config.apiUrl,
      ingestUrl: config.ingestUrl,
      ufsHost: config.ufsHost,
      ufsAppIdLocation: config.ufsAppIdLocation,
      logLevel: config.logLevel ?? "Warning",
      logFormat: "json",
    });
  }

  async put(stream: Readable, meta?: PutMeta): Promise<StoredFile> {
    await fsp.mkdir(this.config.tmpDir, { recursive: true });
    const tmpPath = path.join(this.config.tmpDir, `ut-${crypto.randomBytes(12).toString("hex")}.part`);
    const counter = new HashingCounter();
    try {
      await pipeline(stream, counter, fs.createWriteStream(tmpPath, { flags: "wx" }));
      const type = meta?.mimeType ?? "application/octet-stream";
      const blob = await fs.openAsBlob(tmpPath, { type });
      const file = new UTFile([blob], meta?.name || "plik", { type });
      const result = await this.api.uploadFiles(file);
      if (result.error) throw new Error(`UploadThing refused the upload: ${result.error.code} ${result.error.message}`);
      return { key: result.data.key, size: counter.size, sha256: counter.hash.digest("hex") };
    } finally {
      await fsp.rm(tmpPath, { force: true });
    }
  }

  async open(key: string): Promise<Readable> {
    if (!KEY_PATTERN.test(key)) throw new StoredFileMissing(key);
    const { ufsUrl } = await this.api.generateSignedURL(key, { expiresIn: 10 * 60 });
    const response = await this.fetch(ufsUrl);
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      throw new StoredFileMissing(key);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new Error(`UploadThing answered ${response.status} for file ${key}`);
    }
    return Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  }

  async remove(key: string): Promise<void> {
    if (!KEY_PATTERN.test(key)) return;
    await this.api.deleteFiles(key);
  }

  /** Removes spooled puts left by a crash (older than `olderThanMs`); called by the daily maintenance. */
  async sweepTemp(olderThanMs = 24 * 60 * 60 * 1000, now = Date.now()): Promise<number> {
    const names = await fsp.readdir(this.config.tmpDir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names.filter((n) => n.startsWith("ut-") && n.endsWith(".part"))) {
      const file = path.join(this.config.tmpDir, name);
      const stat = await fsp.stat(file).catch(() => null);
      if (stat && now - stat.mtimeMs > olderThanMs) {
        await fsp.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
