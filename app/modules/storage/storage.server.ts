// Which FileStore the app uses — the only place that chooses: UploadThing when UPLOADTHING_TOKEN
// is set (ADR 0011), otherwise the local disk under STORAGE_DIR (ADR 0009).
import path from "node:path";
import { getEnv, type Env } from "~/utils/env.server";
import type { FileStore } from "./file-store";
import { LocalDiskStore } from "./local-disk-store.server";
import { UploadThingStore, type UploadThingConfig } from "./uploadthing-store.server";

export type { FileStore, PutMeta, StoredFile } from "./file-store";
export { StoredFileMissing } from "./file-store";
export { UploadThingStore, type UploadThingConfig } from "./uploadthing-store.server";
export { uploadConnectSources } from "./uploadthing-token.server";

let store: FileStore | undefined;

const UT_LOG_LEVEL: Record<Env["LOG_LEVEL"], NonNullable<UploadThingConfig["logLevel"]>> = {
  debug: "Debug",
  info: "Warning",
  warn: "Warning",
  error: "Error",
  silent: "None",
};

/** The store the configuration asks for (a new instance; getFileStore() keeps one). */
export function storeFromEnv(env: Pick<Env, "STORAGE_DIR" | "UPLOADTHING_TOKEN" | "LOG_LEVEL">): FileStore {
  if (env.UPLOADTHING_TOKEN) {
    return new UploadThingStore({
      token: env.UPLOADTHING_TOKEN.trim(),
      tmpDir: path.join(path.resolve(env.STORAGE_DIR), ".tmp"),
      logLevel: UT_LOG_LEVEL[env.LOG_LEVEL],
    });
  }
  return new LocalDiskStore(env.STORAGE_DIR);
}

export function getFileStore(): FileStore {
  store ??= storeFromEnv(getEnv());
  return store;
}

/** The UploadThing store when that is the one in use (browser uploads go straight to it), else null. */
export function getUploadThingStore(): UploadThingStore | null {
  const current = getFileStore();
  return current instanceof UploadThingStore ? current : null;
}

/** What the browser needs to know: "uploadthing" sends files straight to UploadThing. */
export type UploadMode = "server" | "uploadthing";
export function uploadMode(): UploadMode {
  return getUploadThingStore() ? "uploadthing" : "server";
}

/** For tests: use another store (or reset to the configured one with `undefined`). */
export function setFileStore(next: FileStore | undefined): void {
  store = next;
}
