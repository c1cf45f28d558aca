import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDiskStore } from "~/modules/storage/local-disk-store.server";
import { receiveUpload, UploadError } from "./upload.server";

let root: string;
let store: LocalDiskStore;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "razem-upload-"));
  store = new LocalDiskStore(root);
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const listFiles = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])) : [];

function request(parts: [string, string | { name: string; content: Buffer | string }][]) {
  const form = new FormData();
  for (const [field, value] of parts) {
    if (typeof value === "string") form.append(field, value);
    else form.append(field, new Blob([typeof value.content === "string" ? value.content : new Uint8Array(value.content)]), value.name);
  }
  return new Request("http://razem.test/upload", { method: "POST", body: form });
}

const pdf = (size: number) => Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(Math.max(0, size - 9), 0x20)]);

async function refusal(promise: Promise<unknown>): Promise<UploadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UploadError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("receiveUpload", () => {
  it("streams the file into the store and collects fields before and after it", async () => {
    const content = pdf(300_000);
    const got = await receiveUpload(
      request([
        ["before", "1"],
        ["file", { name: "C:\\fakepath\\Strategia — wersja robocza.pdf", content }],
        ["note", "Uwagi RIG"],
      ]),
      { store, maxBytes: 1024 * 1024 },
    );
    expect(got.fields).toEqual({ before: "1", note: "Uwagi RIG" });
    expect(got.file).toMatchObject({ name: "Strategia — wersja robocza.pdf", ext: "pdf", mimeType: "application/pdf" });
    expect(got.file.stored.size).toBe(content.length);
    expect(listFiles(root)).toHaveLength(1);
  });

  it("refuses a file over the limit with 413 and leaves nothing behind", async () => {
    const error = await refusal(receiveUpload(request([["file", { name: "duzy.pdf", content: pdf(300_000) }]]), { store, maxBytes: 100_000 }));
    expect(error.status).toBe(413);
    expect(error.key).toBe("library.upload.tooLarge");
    expect(listFiles(root)).toEqual([]);
  });

  it("refuses an announced oversize body before reading it", async () => {
    const req = new Request("http://razem.test/upload", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(50 * 1024 * 1024) },
      body: "--x--",
    });
    expect((await refusal(receiveUpload(req, { store, maxBytes: 1024 * 1024 }))).status).toBe(413);
  });

  it("refuses a program renamed to .pdf by its content", async () => {
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(20_000, 0)]);
    const error = await refusal(receiveUpload(request([["file", { name: "faktura.pdf", content: exe }]]), { store, maxBytes: 1024 * 1024 }));
    expect(error).toMatchObject({ status: 415, key: "library.upload.contentMismatch", vars: { name: "faktura.pdf", type: "PDF", detected: "executable" } });
    expect(listFiles(root)).toEqual([]);
  });

  it("refuses types outside the allowlist by name before storing anything", async () => {
    const error = await refusal(receiveUpload(request([["file", { name: "skrypt.exe", content: "MZ" }]]), { store, maxBytes: 1024 }));
    expect(error).toMatchObject({ status: 415, key: "library.upload.typeNotAllowed" });
    expect(listFiles(root)).toEqual([]);
  });

  it("lets the caller refuse a file by name (beforeStore)", async () => {
    const error = await refusal(
      receiveUpload(request([["file", { name: "a.txt", content: "tekst" }]]), {
        store,
        maxBytes: 1024,
        beforeStore: () => {
          throw new UploadError(409, "library.version.typeMismatch");
        },
      }),
    );
    expect(error.status).toBe(409);
    expect(listFiles(root)).toEqual([]);
  });

  it("answers 400 for a request without a file or not multipart", async () => {
    expect((await refusal(receiveUpload(request([["note", "x"]]), { store, maxBytes: 1024 }))).key).toBe("library.upload.noFile");
    const plain = new Request("http://razem.test/upload", { method: "POST", body: "x", headers: { "Content-Type": "text/plain" } });
    expect((await refusal(receiveUpload(plain, { store, maxBytes: 1024 }))).status).toBe(400);
  });

  it("treats a body that breaks off as an aborted upload and removes the partial file", async () => {
    const boundary = "razemboundary";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="przerwany.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode(head + "%PDF-1.7\n"));
        else if (sent < 20) controller.enqueue(new Uint8Array(64 * 1024));
        else controller.error(new Error("connection reset"));
        sent++;
      },
    });
    const req = new Request("http://razem.test/upload", { method: "POST", body, headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, duplex: "half" } as RequestInit);
    const error = await refusal(receiveUpload(req, { store, maxBytes: 10 * 1024 * 1024 }));
    expect(error.key).toBe("library.upload.aborted");
    expect(listFiles(root)).toEqual([]);
  });
});
