// File contents on the local disk under STORAGE_DIR:
//   <root>/<k0k1>/<k2k3>/<key>   — key: 32 random hex characters; two levels of 256 shards keep
//                                   directories small. The user's file name never touches the disk.
//   <root>/.tmp/<random>.part     — uploads in progress; renamed into place only when complete.
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import { StoredFileMissing, type FileStore, type PutMeta, type StoredFile } from "./file-store";

const KEY_PATTERN = /^[a-f0-9]{32}$/;

/** Counts and hashes the bytes flowing through, holding none of them. */
export class HashingCounter extends Transform {
  readonly hash = crypto.createHash("sha256");
  size = 0;
  _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.size += chunk.length;
    this.hash.update(chunk);
    done(null, chunk);
  }
}

export class LocalDiskStore implements FileStore {
  readonly root: string;
  private readonly tmpDir: string;

  constructor(root: string) {
    this.root = path.resolve(root);
    this.tmpDir = path.join(this.root, ".tmp");
  }

  /** Where a key lives; throws for anything that is not one of our keys (no path tricks). */
  pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new StoredFileMissing(key);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(stream: Readable, _meta?: PutMeta): Promise<StoredFile> {
    const key = crypto.randomBytes(16).toString("hex");
    const finalPath = this.pathOf(key);
    await fsp.mkdir(this.tmpDir, { recursive: true });
    const tmpPath = path.join(this.tmpDir, `${crypto.randomBytes(12).toString("hex")}.part`);
    const counter = new HashingCounter();
    try {
      // `flush` fsyncs before close, so a rename never publishes a half-written file after a crash.
      await pipeline(stream, counter, fs.createWriteStream(tmpPath, { flags: "wx", flush: true }));
      await fsp.mkdir(path.dirname(finalPath), { recursive: true });
      await fsp.rename(tmpPath, finalPath);
    } catch (error) {
      await fsp.rm(tmpPath, { force: true });
      throw error;
    }
    return { key, size: counter.size, sha256: counter.hash.digest("hex") };
  }

  async open(key: string): Promise<Readable> {
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(this.pathOf(key), "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new StoredFileMissing(key);
      throw error;
    }
    return handle.createReadStream();
  }

  async remove(key: string): Promise<void> {
    if (!KEY_PATTERN.test(key)) return;
    await fsp.rm(this.pathOf(key), { force: true });
  }

  /** Removes temporary files left by a crash mid-upload (older than `olderThanMs`). */
  async sweepTemp(olderThanMs = 24 * 60 * 60 * 1000, now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await fsp.readdir(this.tmpDir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.tmpDir, name);
      const stat = await fsp.stat(file).catch(() => null);
      if (stat && now - stat.mtimeMs > olderThanMs) {
        await fsp.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }
}
