// UploadThing as the file store, as far as it runs without the internet: UploadThing's cloud is a
// local stand-in (tests/uploadthing-cloud.ts); everything of ours — the store, the route handler
// with its middleware, the signed callback, the metadata in the database — is the real code.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.UPLOAD_MAX_MB = "1";
});

import { version as uploadThingVersion } from "uploadthing/client";
import { db } from "~/utils/db.server";
import { ConfigError, parseEnv } from "~/utils/env.server";
import * as uploadThingRoute from "~/routes/api.uploadthing";
import * as uploadRoute from "~/routes/przestrzenie.$workspaceId.biblioteka.wyslij";
import * as downloadRoute from "~/routes/przestrzenie.$workspaceId.pliki.$documentId.v.$number.pobierz";
import { libraryUrls } from "~/modules/library/library-urls";
import { LIBRARY_FILE_ROUTE, settleDirectUploads, type DirectUploadMetadata } from "~/modules/library/uploadthing-router.server";
import { LocalDiskStore } from "~/modules/storage/local-disk-store.server";
import { getFileStore, setFileStore, storeFromEnv, StoredFileMissing, uploadConnectSources, uploadMode, UploadThingStore } from "~/modules/storage/storage.server";
import { targetOfUploadUrl } from "~/modules/library/direct-upload";
import { decodeUploadThingToken, uploadThingIngestOrigins } from "~/modules/storage/uploadthing-token.server";
import { buildInstitution, buildUser, loginAs } from "../factories";
import { run } from "../http";
import { FAKE_API_KEY, FAKE_APP_ID, FakeUploadThingCloud, fakeToken, signBody } from "../uploadthing-cloud";

const cloud = new FakeUploadThingCloud();
let tmpDir: string;
let store: UploadThingStore;

beforeAll(async () => {
  await cloud.start();
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "razem-ut-"));
  store = new UploadThingStore({
    token: fakeToken(),
    tmpDir,
    apiUrl: cloud.origin,
    ingestUrl: cloud.origin,
    ufsHost: cloud.ufsHost,
    ufsAppIdLocation: "path",
    logLevel: "None",
  });
});
afterAll(async () => {
  setFileStore(undefined);
  await cloud.stop();
  fs.rmSync(tmpDir, { recursive: true, force: true });
});
beforeEach(() => {
  cloud.reset();
  setFileStore(store);
});

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n`);
const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4000, 0), Buffer.from("This program cannot be run in DOS mode.")]);
const PDF_MIME = "application/pdf";

async function readAll(stream: Readable) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A workspace of BKPPT (its people EDITORs) with an owner, a viewer, and a person from elsewhere. */
async function world() {
  const bkppt = await buildInstitution({ shortName: "BKPPT" });
  const rig = await buildInstitution({ shortName: "RIG" });
  const owner = await buildUser({ institutionId: bkppt.id, name: "Olga Właścicielka" });
  const editor = await buildUser({ institutionId: bkppt.id, name: "Edward Edytor" });
  const viewer = await buildUser({ institutionId: rig.id, name: "Wiktor Czytelnik" });
  const outsider = await buildUser({ institutionId: rig.id, name: "Obcy z RIG" });
  const ws = await db.workspace.create({
    data: {
      name: "Strategia transformacji",
      owningInstitutionId: bkppt.id,
      createdById: owner.id,
      members: { create: [{ userId: owner.id, role: "OWNER" }, { userId: viewer.id, role: "VIEWER" }] },
      institutions: { create: [{ institutionId: bkppt.id, role: "EDITOR" }] },
    },
  });
  return {
    ws,
    owner: { ...owner, cookie: await loginAs(owner.id) },
    editor: { ...editor, cookie: await loginAs(editor.id) },
    viewer: { ...viewer, cookie: await loginAs(viewer.id) },
    outsider: { ...outsider, cookie: await loginAs(outsider.id) },
  };
}

const ENDPOINT = "http://razem.test/api/uploadthing";

/** What uploadthing/client sends to ask for a presigned URL (ut-reporter: POST ?actionType=upload&slug=…). */
async function requestUpload(cookie: string, input: Record<string, unknown>, files: { name: string; size: number; type: string }[]) {
  const request = new Request(`${ENDPOINT}?actionType=upload&slug=${LIBRARY_FILE_ROUTE}`, {
    method: "POST",
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      "Content-Type": "application/json",
      "x-uploadthing-package": "razem-test",
      "x-uploadthing-version": uploadThingVersion,
    },
    body: JSON.stringify({ input, files: files.map((f) => ({ ...f, lastModified: Date.now() })) }),
  });
  const res = await run(uploadThingRoute.action, request);
  await settleDirectUploads();
  return res;
}

/** UploadThing's callback after a file landed (handleCallbackRequest's body), signed or not. */
async function callback(metadata: DirectUploadMetadata, file: { key: string; name: string; size: number; type: string }, signature: string | null | "valid") {
  const ufsUrl = `http://${cloud.ufsHost}/a/${FAKE_APP_ID}/${file.key}`;
  const body = JSON.stringify({
    status: "uploaded",
    file: { ...file, customId: null, url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: "0".repeat(32), lastModified: Date.now() },
    origin: cloud.origin,
    metadata,
  });
  const headers: Record<string, string> = { "Content-Type": "application/json", "uploadthing-hook": "callback", "x-uploadthing-version": uploadThingVersion };
  if (signature) headers["x-uploadthing-signature"] = signature === "valid" ? signBody(body) : signature;
  const res = await run(uploadThingRoute.action, new Request(`${ENDPOINT}?slug=${LIBRARY_FILE_ROUTE}`, { method: "POST", headers, body }));
  await settleDirectUploads();
  return res;
}

/** A file "uploaded by the browser": already in the cloud under `key`. */
function landed(content: Buffer, name: string, type = PDF_MIME) {
  const key = `utk${crypto.randomBytes(12).toString("hex")}`;
  cloud.files.set(key, { name, type, content });
  return { key, name, size: content.length, type };
}

function metadataFor(userId: string, workspaceId: string, over: Partial<DirectUploadMetadata> = {}): DirectUploadMetadata {
  return { userId, workspaceId, folderId: null, documentId: null, note: null, name: "Analiza.pdf", ext: "pdf", ip: "10.0.0.7", ...over };
}

function callbackResults() {
  return cloud.requestsTo("/callback-result").map((r) => JSON.parse(r.body) as { fileKey: string; callbackData: { ok: boolean; error?: string; documentId?: string } });
}

describe("configuration: which store", () => {
  it("is UploadThing when UPLOADTHING_TOKEN is set, the local disk otherwise; a malformed token stops the start", () => {
    const token = fakeToken();
    const withToken = storeFromEnv(parseEnv({ UPLOADTHING_TOKEN: token, STORAGE_DIR: tmpDir }));
    expect(withToken).toBeInstanceOf(UploadThingStore);
    expect((withToken as UploadThingStore).config.token).toBe(token);
    expect((withToken as UploadThingStore).config.tmpDir).toBe(path.join(tmpDir, ".tmp"));
    expect(storeFromEnv(parseEnv({ STORAGE_DIR: tmpDir }))).toBeInstanceOf(LocalDiskStore);
    expect(storeFromEnv(parseEnv({ UPLOADTHING_TOKEN: "", STORAGE_DIR: tmpDir }))).toBeInstanceOf(LocalDiskStore);

    for (const bad of ["sk_live_123", Buffer.from(JSON.stringify({ apiKey: "pk_1", appId: "a", regions: ["fra1"] })).toString("base64"), fakeToken({ regions: [] })]) {
      expect(() => parseEnv({ UPLOADTHING_TOKEN: bad })).toThrow(ConfigError);
      expect(() => parseEnv({ UPLOADTHING_TOKEN: bad })).toThrow(/UPLOADTHING_TOKEN/);
    }
    // The message names the variable, never the secret.
    expect(() => parseEnv({ UPLOADTHING_TOKEN: "sk_live_123" })).not.toThrow(/sk_live_123/);
    expect(uploadThingIngestOrigins(decodeUploadThingToken(token)!)).toEqual(["https://fra1.ingest.uploadthing.com"]);
    // What the CSP must let the browser reach for direct uploads.
    expect(uploadConnectSources(fakeToken({ regions: ["fra1", "sea1"] }))).toEqual(["https://fra1.ingest.uploadthing.com", "https://sea1.ingest.uploadthing.com"]);
    expect(uploadConnectSources(undefined)).toEqual([]);
  });

  it("the browser finds the upload target in the library's upload URL", () => {
    expect(targetOfUploadUrl(libraryUrls.upload("ws1", { folderId: "f 1" }))).toEqual({ workspaceId: "ws1", folderId: "f 1", documentId: null });
    expect(targetOfUploadUrl(libraryUrls.upload("ws1", { documentId: "d1" }))).toEqual({ workspaceId: "ws1", folderId: null, documentId: "d1" });
    expect(targetOfUploadUrl(libraryUrls.upload("ws1", {}))).toEqual({ workspaceId: "ws1", folderId: null, documentId: null });
    expect(targetOfUploadUrl("/przestrzenie/ws1/biblioteka")).toBeNull();
  });

  it("tells the browser to upload straight to UploadThing only while that store is in use", () => {
    expect(uploadMode()).toBe("uploadthing");
    setFileStore(new LocalDiskStore(tmpDir));
    expect(uploadMode()).toBe("server");
  });
});

describe("UploadThingStore", () => {
  it("put streams to UploadThing with a URL signed by our key; open and remove reach the cloud", async () => {
    const content = Buffer.concat([pdf("Protokół z Kleszczowa"), crypto.randomBytes(200_000)]);
    const stored = await store.put(Readable.from([content.subarray(0, 1000), content.subarray(1000)]), { name: "Protokół.pdf", mimeType: PDF_MIME });
    expect(stored).toEqual({ key: expect.stringMatching(/^[A-Za-z0-9]+$/), size: content.length, sha256: sha(content) });
    const put = cloud.requests.filter((r) => r.method === "PUT");
    expect(put).toHaveLength(1);
    expect(put[0].path).toBe(`/${stored.key}`);
    expect(cloud.files.get(stored.key)).toMatchObject({ name: "Protokół.pdf", type: PDF_MIME });
    expect(cloud.files.get(stored.key)!.content.equals(content)).toBe(true);
    // The spooled temporary file is gone.
    expect(fs.readdirSync(tmpDir)).toEqual([]);

    expect((await readAll(await store.open(stored.key))).equals(content)).toBe(true);
    expect(cloud.requests.some((r) => r.method === "GET" && r.path === `/a/${FAKE_APP_ID}/${stored.key}`)).toBe(true);

    await store.remove(stored.key);
    const deletes = cloud.requestsTo("/v6/deleteFiles");
    expect(deletes).toHaveLength(1);
    expect(deletes[0].headers["x-uploadthing-api-key"]).toBe(FAKE_API_KEY);
    expect(JSON.parse(deletes[0].body)).toEqual({ fileKeys: [stored.key] });
    expect(cloud.files.has(stored.key)).toBe(false);
    await expect(store.open(stored.key)).rejects.toBeInstanceOf(StoredFileMissing);
    await expect(store.open("../../etc/passwd")).rejects.toBeInstanceOf(StoredFileMissing);
  });

  it("a failing stream stores nothing and leaves no temporary file", async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(64 * 1024, 1));
        this.destroy(new Error("client went away"));
      },
    });
    await expect(store.put(failing)).rejects.toThrow("client went away");
    expect(cloud.requests).toEqual([]);
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });

  it("the existing upload and download routes work unchanged on top of it (content still sniffed)", async () => {
    const { ws, editor } = await world();
    const content = pdf("Diagnoza regionu");
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(content)]), "Diagnoza.pdf");
    const res = await run(uploadRoute.action, new Request(`http://razem.test${libraryUrls.upload(ws.id, {})}`, { method: "POST", headers: { Cookie: editor.cookie }, body: form }), { workspaceId: ws.id });
    expect(res.status).toBe(201);
    const version = await db.documentVersion.findFirstOrThrow({ where: { document: { workspaceId: ws.id } } });
    expect(cloud.files.get(version.storageKey)!.content.equals(content)).toBe(true);
    const download = await downloadRoute.loader({ request: new Request(`http://razem.test${libraryUrls.download(ws.id, version.documentId, 1)}`, { headers: { Cookie: editor.cookie } }), params: { workspaceId: ws.id, documentId: version.documentId, number: "1" }, context: {} } as never);
    expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);

    const fake = new FormData();
    fake.append("file", new Blob([new Uint8Array(exe)]), "faktura.pdf");
    const refused = await run(uploadRoute.action, new Request(`http://razem.test${libraryUrls.upload(ws.id, {})}`, { method: "POST", headers: { Cookie: editor.cookie }, body: fake }), { workspaceId: ws.id });
    expect(refused.status).toBe(415);
    expect(cloud.files.size).toBe(1);
  });
});

describe("/api/uploadthing: asking to upload (middleware)", () => {
  const pdfFile = { name: "Analiza.pdf", size: 5000, type: PDF_MIME };

  it("answers 404 when files are not stored at UploadThing", async () => {
    setFileStore(new LocalDiskStore(tmpDir));
    const { ws, editor } = await world();
    const res = await requestUpload(editor.cookie, { workspaceId: ws.id }, [pdfFile]);
    expect(res.status).toBe(404);
    expect(cloud.requests).toEqual([]);
  });

  it("refuses signed-out people (401), non-members (404) and viewers (403), and registers nothing at UploadThing", async () => {
    const { ws, viewer, outsider } = await world();
    const signedOut = await requestUpload("", { workspaceId: ws.id }, [pdfFile]);
    expect(signedOut).toMatchObject({ status: 401, data: { message: "library.upload.signedOut" } });
    const stranger = await requestUpload(outsider.cookie, { workspaceId: ws.id }, [pdfFile]);
    expect(stranger).toMatchObject({ status: 404, data: { message: "library.upload.notFound" } });
    const reader = await requestUpload(viewer.cookie, { workspaceId: ws.id }, [pdfFile]);
    expect(reader).toMatchObject({ status: 403, data: { message: "library.upload.forbidden" } });
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: viewer.id } })).toBe(1);
    const get = await run(uploadThingRoute.loader, new Request(ENDPOINT));
    expect(get.status).toBe(401);
    expect(cloud.requests).toEqual([]);
  });

  it("refuses types outside the allowlist, a mismatched declared type, oversize files and several at once", async () => {
    const { ws, editor } = await world();
    const cases: [{ name: string; size: number; type: string }[], number, string][] = [
      [[{ name: "skrypt.exe", size: 10, type: "application/x-msdownload" }], 400, "library.upload.typeNotAllowed"],
      [[{ name: "faktura.pdf", size: 10, type: "application/x-msdownload" }], 400, "library.upload.typeNotAllowed"],
      [[{ name: "duzy.pdf", size: 1024 * 1024 + 1, type: PDF_MIME }], 413, "library.upload.tooLarge"],
      [[pdfFile, { ...pdfFile, name: "Drugi.pdf" }], 400, "library.upload.oneFile"],
    ];
    for (const [files, status, key] of cases) {
      const res = await requestUpload(editor.cookie, { workspaceId: ws.id }, files);
      expect(res.status).toBe(status);
      expect((res.data as { message: string }).message.split("|")[0]).toBe(key);
    }
    expect(cloud.requests).toEqual([]);
  });

  it("refuses a missing folder (404) and a new version of someone else's checked-out file (409 → 400)", async () => {
    const { ws, editor, owner } = await world();
    expect((await requestUpload(editor.cookie, { workspaceId: ws.id, folderId: "nie-ma-takiego" }, [pdfFile])).status).toBe(404);
    const doc = await db.document.create({
      data: { workspaceId: ws.id, name: "Zajęty.pdf", nameKey: "zajety.pdf", mimeType: PDF_MIME, size: 1n, createdById: owner.id, lockedById: owner.id, lockedAt: new Date() },
    });
    const locked = await requestUpload(editor.cookie, { workspaceId: ws.id, documentId: doc.id }, [pdfFile]);
    expect(locked.status).toBe(400);
    expect((locked.data as { message: string }).message).toMatch(/^library\.lock\.lockedBy\|/);
  });

  it("for an editor: presigned URL for our app, metadata registered with UploadThing for the callback", async () => {
    const { ws, editor } = await world();
    const folder = await db.folder.create({ data: { workspaceId: ws.id, name: "Analizy", createdById: editor.id } });
    const res = await requestUpload(editor.cookie, { workspaceId: ws.id, folderId: folder.id, note: "Pierwsza wersja" }, [{ ...pdfFile, name: "C:\\fakepath\\Analiza.pdf" }]);
    expect(res.status).toBe(200);
    const [presigned] = res.data as { url: string; key: string; name: string }[];
    const url = new URL(presigned.url);
    expect(url.origin).toBe(cloud.origin);
    expect(url.pathname).toBe(`/${presigned.key}`);
    expect(url.searchParams.get("x-ut-identifier")).toBe(FAKE_APP_ID);
    expect(url.searchParams.get("signature")).toMatch(/^hmac-sha256=[0-9a-f]{64}$/);

    const [registered] = cloud.requestsTo("/route-metadata");
    expect(registered.headers["x-uploadthing-api-key"]).toBe(FAKE_API_KEY);
    const body = JSON.parse(registered.body) as { fileKeys: string[]; metadata: DirectUploadMetadata; callbackUrl: string; callbackSlug: string };
    expect(body.fileKeys).toEqual([presigned.key]);
    expect(body.callbackUrl).toBe("http://razem.test/api/uploadthing");
    expect(body.callbackSlug).toBe(LIBRARY_FILE_ROUTE);
    expect(body.metadata).toEqual({ userId: editor.id, workspaceId: ws.id, folderId: folder.id, documentId: null, note: "Pierwsza wersja", name: "Analiza.pdf", ext: "pdf", ip: "127.0.0.1" });
    // Nothing in the library until UploadThing calls back.
    expect(await db.document.count()).toBe(0);
  });
});

describe("/api/uploadthing: UploadThing's callback", () => {
  it("is refused without a valid signature, and writes nothing", async () => {
    const { ws, editor } = await world();
    const file = landed(pdf("analiza"), "Analiza.pdf");
    const meta = metadataFor(editor.id, ws.id);
    const missing = await callback(meta, file, null);
    expect(missing.status).toBe(400);
    const wrongKey = await callback(meta, file, signBody("something else entirely"));
    expect(wrongKey.status).toBe(400);
    const otherSecret = await callback(meta, file, `hmac-sha256=${crypto.createHmac("sha256", "sk_test_not_ours").update("x").digest("hex")}`);
    expect(otherSecret.status).toBe(400);
    expect((otherSecret.data as { message: string }).message).toBe("Invalid signature");
    expect(await db.document.count()).toBe(0);
    expect(await db.documentVersion.count()).toBe(0);
    expect(await db.auditLog.count({ where: { action: { startsWith: "library." } } })).toBe(0);
    expect(cloud.requestsTo("/callback-result")).toEqual([]);
    expect(cloud.files.has(file.key)).toBe(true);
  });

  it("signed: records the document and version with the UploadThing key, real size, SHA-256, type, author and audit", async () => {
    const { ws, editor } = await world();
    const content = pdf("Analiza SWOT Bełchatów");
    const file = landed(content, "Analiza.pdf");
    const res = await callback(metadataFor(editor.id, ws.id, { note: "Od FRGK" }), file, "valid");
    expect(res.status).toBe(200);

    const doc = await db.document.findFirstOrThrow({ where: { workspaceId: ws.id }, include: { versions: true } });
    expect(doc).toMatchObject({ name: "Analiza.pdf", folderId: null, mimeType: PDF_MIME, size: BigInt(content.length), currentVersion: 1, createdById: editor.id, status: "DRAFT" });
    expect(doc.versions).toHaveLength(1);
    expect(doc.versions[0]).toMatchObject({ number: 1, storageKey: file.key, size: BigInt(content.length), mimeType: PDF_MIME, sha256: sha(content), originalName: "Analiza.pdf", note: "Od FRGK", createdById: editor.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "library.document.upload" } });
    expect(audit).toMatchObject({ actorId: editor.id, entityType: "Document", entityId: doc.id, summary: "Analiza.pdf", ip: "10.0.0.7" });

    // UploadThing hears the result (serverData for the browser), with our API key.
    const [result] = cloud.requestsTo("/callback-result");
    expect(result.headers["x-uploadthing-api-key"]).toBe(FAKE_API_KEY);
    expect(JSON.parse(result.body)).toEqual({
      fileKey: file.key,
      callbackData: { ok: true, documentId: doc.id, number: 1, created: true, name: "Analiza.pdf", url: libraryUrls.file(ws.id, doc.id) },
    });

    // A repeated callback adds nothing; the same name again is version 2.
    await callback(metadataFor(editor.id, ws.id), file, "valid");
    expect(await db.documentVersion.count()).toBe(1);
    const second = landed(pdf("Analiza SWOT v2"), "analiza.pdf");
    await callback(metadataFor(editor.id, ws.id), second, "valid");
    const versions = await db.documentVersion.findMany({ where: { documentId: doc.id }, orderBy: { number: "asc" } });
    expect(versions.map((v) => [v.number, v.storageKey])).toEqual([
      [1, file.key],
      [2, second.key],
    ]);
  });

  it("refuses content that is not what its name says, and deletes it from UploadThing", async () => {
    const { ws, editor } = await world();
    const file = landed(exe, "faktura.pdf");
    await callback(metadataFor(editor.id, ws.id, { name: "faktura.pdf" }), { ...file }, "valid");
    expect(await db.document.count()).toBe(0);
    expect(cloud.files.has(file.key)).toBe(false);
    expect(JSON.parse(cloud.requestsTo("/v6/deleteFiles")[0].body)).toEqual({ fileKeys: [file.key] });
    expect(callbackResults()[0].callbackData).toEqual({ ok: false, error: expect.stringMatching(/^library\.upload\.contentMismatch\|/) });
  });

  it("checks the person again: one who lost access meanwhile gets nothing recorded and the file is deleted", async () => {
    const { ws, viewer, editor } = await world();
    const file = landed(pdf("x"), "Analiza.pdf");
    await callback(metadataFor(viewer.id, ws.id), file, "valid");
    await db.user.update({ where: { id: editor.id }, data: { deactivatedAt: new Date() } });
    const other = landed(pdf("y"), "Analiza.pdf");
    await callback(metadataFor(editor.id, ws.id), other, "valid");
    expect(await db.document.count()).toBe(0);
    expect(cloud.files.size).toBe(0);
    expect(callbackResults().map((r) => r.callbackData.error)).toEqual(["library.upload.forbidden", "library.upload.signedOut"]);
  });

  it("refuses a declared type outside the allowlist or not matching the name, before reading anything", async () => {
    const { ws, editor } = await world();
    const file = landed(exe, "faktura.pdf", "application/x-msdownload");
    await callback(metadataFor(editor.id, ws.id, { name: "faktura.pdf" }), file, "valid");
    const renamed = landed(pdf("x"), "Analiza.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    await callback(metadataFor(editor.id, ws.id), renamed, "valid");
    expect(await db.document.count()).toBe(0);
    expect(cloud.requests.filter((r) => r.method === "GET")).toEqual([]);
    expect(callbackResults().map((r) => r.callbackData.error?.split("|")[0])).toEqual(["library.upload.typeNotAllowed", "library.upload.typeNotAllowed"]);
  });
});

// The store the app would pick from this test file's environment (no token): the local disk.
it("without UPLOADTHING_TOKEN the app's own configuration picks the local disk", () => {
  setFileStore(undefined);
  expect(getFileStore()).toBeInstanceOf(LocalDiskStore);
});
