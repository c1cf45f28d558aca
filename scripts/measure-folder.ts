// Page time of a library folder holding 10,000 files (not part of `npm test`: it takes a while).
//   npx tsx scripts/measure-folder.ts            → prints median/p95 per sort for first and last page
// Uses its own temporary database and calls the real route loader with a real session.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "razem-measure-"));
process.env.DATABASE_URL = `file:${path.join(dir, "m.db")}`;
process.env.STORAGE_DIR = path.join(dir, "files");
execFileSync("node", ["scripts/prepare-db.mjs"], { stdio: "ignore", env: process.env });

const { db } = await import("~/utils/db.server");
const { foldText } = await import("~/utils/text");
const { createSession } = await import("~/modules/auth/session.server");
// The route module imports CSS; its loader is exactly loadFolderPage.
const { loadFolderPage } = await import("~/modules/library/library-pages.server");

const FILES = 10_000;
const inst = await db.institution.create({ data: { name: "Instytucja pomiarowa", shortName: "POM" } });
const user = await db.user.create({ data: { email: "pomiar@razem.test", name: "Pomiar", institutionId: inst.id } });
const ws = await db.workspace.create({
  data: { name: "Pomiar", owningInstitutionId: inst.id, createdById: user.id, institutions: { create: { institutionId: inst.id, role: "EDITOR" } } },
});
const folder = await db.folder.create({ data: { workspaceId: ws.id, name: "Duży folder", createdById: user.id } });
const t0 = Date.now();
for (let start = 0; start < FILES; start += 1000) {
  const rows = Array.from({ length: 1000 }, (_, i) => {
    const n = start + i;
    const name = `Dokument ${String(n).padStart(5, "0")} — źródło ${n % 7}.pdf`;
    return {
      workspaceId: ws.id,
      folderId: folder.id,
      name,
      nameKey: foldText(name),
      mimeType: "application/pdf",
      size: BigInt(1000 + n),
      createdById: user.id,
      updatedAt: new Date(Date.now() - n * 60_000),
    };
  });
  await db.document.createMany({ data: rows });
}
console.log(`inserted ${FILES} documents in ${Date.now() - t0} ms`);
const cookie = (await createSession(user.id, { ip: "127.0.0.1", userAgent: "measure" })).split(";")[0];

async function time(query: string) {
  const samples: number[] = [];
  for (let i = 0; i < 15; i++) {
    const request = new Request(`http://razem.test/przestrzenie/${ws.id}/biblioteka/folder/${folder.id}?${query}`, { headers: { Cookie: cookie } });
    const start = performance.now();
    await loadFolderPage({ request, params: { workspaceId: ws.id, folderId: folder.id }, context: { cspNonce: "", clientIp: "127.0.0.1" } }, folder.id);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const p95 = samples[Math.ceil(samples.length * 0.95) - 1];
  console.log(`${query.padEnd(28)} median ${median.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms`);
}

for (const sort of ["name", "updated", "size"]) {
  await time(`sort=${sort}&page=1`);
  await time(`sort=${sort}&page=${FILES / 50}`);
}
await db.$disconnect();
fs.rmSync(dir, { recursive: true, force: true });
