// The one interface between the document library and wherever file contents live.
//
// Today: LocalDiskStore (STORAGE_DIR). A later issue adds an UploadThing store (used when
// UPLOADTHING_TOKEN is configured) as a second implementation of this same interface; nothing
// outside app/modules/storage/ may know which one is in use.
import type { Readable } from "node:stream";

export type PutMeta = {
  /** The user's file name: a hint for remote stores' dashboards only, never used as a disk path. */
  name?: string;
  /** The verified MIME type. */
  mimeType?: string;
};

export type StoredFile = {
  /** Random, opaque key; what DocumentVersion.storageKey holds. */
  key: string;
  size: number;
  /** Hex SHA-256 of the content, computed while the bytes stream through. */
  sha256: string;
};

export interface FileStore {
  /**
   * Streams `stream` into the store and resolves once the content is durable under a new key.
   * If the stream errors (client gone, size limit, wrong content type) nothing is left behind.
   */
  put(stream: Readable, meta?: PutMeta): Promise<StoredFile>;
  /** The content of `key` as a stream (async because remote stores need a round trip first). */
  open(key: string): Promise<Readable>;
  /** Removes `key`; removing a key that is already gone is not an error. */
  remove(key: string): Promise<void>;
}

export class StoredFileMissing extends Error {
  constructor(key: string) {
    super(`Stored file not found: ${key}`);
    this.name = "StoredFileMissing";
  }
}
