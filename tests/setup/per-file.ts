// Runs in the worker before each test file's imports: a fresh copy of the migrated database.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import { afterAll, beforeEach, inject } from "vitest";
import { artifactsDir } from "./paths";

const file = path.join(artifactsDir, `worker-${process.env.VITEST_POOL_ID ?? "0"}-${crypto.randomBytes(4).toString("hex")}.db`);
fs.copyFileSync(inject("baseDbFile"), file);
process.env.DATABASE_URL = `file:${file}`;
process.env.OUTBOX_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "razem-outbox-"));
process.env.APP_URL = "http://razem.test";
// Files of the document library go to this file's own throw-away folder, never to ./data/files.
process.env.STORAGE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "razem-files-"));
delete process.env.SMTP_URL;

beforeEach(async () => {
  const { resetDatabase } = await import("./reset-db");
  await resetDatabase();
  for (const f of fs.readdirSync(process.env.OUTBOX_DIR!)) fs.rmSync(path.join(process.env.OUTBOX_DIR!, f), { force: true });
  // The database is empty again, so stored files would only be orphans.
  for (const f of fs.readdirSync(process.env.STORAGE_DIR!)) fs.rmSync(path.join(process.env.STORAGE_DIR!, f), { recursive: true, force: true });
});

afterAll(async () => {
  const { db } = await import("~/utils/db.server");
  await db.$disconnect();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  fs.rmSync(process.env.OUTBOX_DIR!, { recursive: true, force: true });
  fs.rmSync(process.env.STORAGE_DIR!, { recursive: true, force: true });
});
