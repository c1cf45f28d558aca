import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";
import { StoredFileMissing } from "./file-store";
import { LocalDiskStore } from "./local-disk-store.server";

let root: string;
let store: LocalDiskStore;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "razem-store-"));
  store = new LocalDiskStore(root);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const listFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));

async function readAll(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("LocalDiskStore", () => {
  it("stores under a random sharded key, never the file name, with size and SHA-256", async () => {
    const content = Buffer.from("Protokół ze spotkania w Kleszczowie");
    const stored = await store.put(Readable.from([content]), { name: "Protokół.txt", mimeType: "text/plain" });
    expect(stored.key).toMatch(/^[a-f0-9]{32}$/);
    expect(stored.size).toBe(content.length);
    expect(stored.sha256).toBe(crypto.createHash("sha256").update(content).digest("hex"));
    const files = listFiles(root);
    expect(files).toEqual([path.join(root, stored.key.slice(0, 2), stored.key.slice(2, 4), stored.key)]);
    expect(files.join("")).not.toContain("Protok");
    expect((await readAll(await store.open(stored.key))).equals(content)).toBe(true);

    const other = await store.put(Readable.from([content]));
    expect(other.key).not.toBe(stored.key);
  });

  it("leaves nothing behind when the stream fails midway", async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(64 * 1024, 1));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(store.put(failing)).rejects.toThrow("client went away");
    expect(listFiles(root)).toEqual([]);
  });

  it("removes idempotently and refuses anything that is not a key", async () => {
    const stored = await store.put(Readable.from([Buffer.from("x")]));
    await store.remove(stored.key);
    await store.remove(stored.key);
    await expect(store.open(stored.key)).rejects.toBeInstanceOf(StoredFileMissing);
    await expect(store.open("../../etc/passwd")).rejects.toBeInstanceOf(StoredFileMissing);
    await store.remove("../../etc/passwd");
  });

  it("sweeps stale temporary files", async () => {
    fs.mkdirSync(path.join(root, ".tmp"), { recursive: true });
    fs.writeFileSync(path.join(root, ".tmp", "old.part"), "x");
    expect(await store.sweepTemp(1000, Date.now() + 5000)).toBe(1);
    expect(await store.sweepTemp()).toBe(0);
  });
});

describe("storage configuration", () => {
  it("has defaults and validates the upload limit", () => {
    const env = parseEnv({});
    expect(env.STORAGE_DIR).toBe("./data/files");
    expect(env.UPLOAD_MAX_MB).toBe(200);
    expect(parseEnv({ UPLOAD_MAX_MB: "50" }).UPLOAD_MAX_MB).toBe(50);
    expect(() => parseEnv({ UPLOAD_MAX_MB: "0" })).toThrow(/UPLOAD_MAX_MB/);
    expect(() => parseEnv({ UPLOAD_MAX_MB: "dużo" })).toThrow(/UPLOAD_MAX_MB/);
  });
});
