// Which FileStore the app uses. Today always the local disk; when UploadThing arrives, this is
// the only place that chooses between the two (e.g. on UPLOADTHING_TOKEN).
import { getEnv } from "~/utils/env.server";
import type { FileStore } from "./file-store";
import { LocalDiskStore } from "./local-disk-store.server";

export type { FileStore, PutMeta, StoredFile } from "./file-store";
export { StoredFileMissing } from "./file-store";

let store: FileStore | undefined;

export function getFileStore(): FileStore {
  store ??= new LocalDiskStore(getEnv().STORAGE_DIR);
  return store;
}

/** For tests: use another store (or reset to the configured one with `undefined`). */
export function setFileStore(next: FileStore | undefined): void {
  store = next;
}
