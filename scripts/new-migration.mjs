// `npm run db:migration -- <name>`: writes the SQL that takes the committed schema
// (HEAD:prisma/schema.prisma) to the working one, applies it and regenerates the client.
// Run it before committing the schema change. `prisma migrate dev`
// cannot run offline here (see docs/decisions/0001-embedded-sqlite-with-prisma-6.md).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { bin, root, run } from "./lib.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(1);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "razem-mig-"));
const prev = path.join(tmp, "prev.prisma");
const sqlOut = path.join(tmp, "migration.sql");
let fromArgs;
try {
  fs.writeFileSync(prev, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root }));
  fromArgs = ["--from-schema-datamodel", prev];
} catch {
  fromArgs = ["--from-empty"];
}
run(bin("prisma"), ["migrate", "diff", ...fromArgs, "--to-schema-datamodel", "prisma/schema.prisma", "--script", "-o", sqlOut]);
const sql = fs.readFileSync(sqlOut, "utf8");
if (!/\b(CREATE|ALTER|DROP|INSERT)\b/i.test(sql)) {
  console.log("No schema changes: nothing to do.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma/migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`✔ wrote ${path.relative(root, dir)}/migration.sql`);
run(bin("prisma"), ["migrate", "deploy"]);
run(bin("prisma"), ["generate"]);
