// The committed migrations must produce exactly the schema in prisma/schema.prisma.
// (`prisma migrate diff --from-migrations` needs a shadow DB the wasm engine lacks, so we
// compare the migrated database with one built from the SQL Prisma generates for the schema.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { baseDbFile } from "../setup/paths";

function schemaOf(file: string) {
  const sqlite = new Database(file, { readonly: true });
  const rows = sqlite
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations'")
    .all() as { type: string; name: string; sql: string | null }[];
  sqlite.close();
  return Object.fromEntries(rows.map((r) => [`${r.type}:${r.name}`, (r.sql ?? "").replace(/\s+/g, " ").replace(/"/g, "").trim()]));
}

describe("migrations", () => {
  it("produce the same tables and indexes as schema.prisma", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "razem-schema-"));
    const sqlFile = path.join(dir, "schema.sql");
    execFileSync(
      "node_modules/.bin/prisma",
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script", "-o", sqlFile],
      { stdio: "ignore", timeout: 30_000 },
    );
    const pushed = path.join(dir, "from-schema.db");
    const sqlite = new Database(pushed);
    sqlite.exec(fs.readFileSync(sqlFile, "utf8"));
    sqlite.close();
    const expected = schemaOf(pushed);
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    expect(schemaOf(baseDbFile)).toEqual(expected);
  }, 60_000);
});
