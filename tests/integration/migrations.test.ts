// The committed migrations must produce exactly the schema in prisma/schema.prisma.
// (`prisma migrate diff --from-migrations` needs a shadow DB the wasm engine lacks, so we
// compare the migrated database with one built from the SQL Prisma generates for the schema.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";

const baseDbFile = inject("baseDbFile");

// The full-text search index (app/modules/search) is hand-written SQL, not Prisma models: its
// objects are named search_* (the FTS5 table's shadow tables too) and are checked separately.
const SEARCH_OBJECT = /^search_/;

function schemaOf(file: string) {
  const sqlite = new Database(file, { readonly: true });
  const rows = (
    sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations'").all() as {
      type: string;
      name: string;
      sql: string | null;
    }[]
  ).filter((r) => !SEARCH_OBJECT.test(r.name));
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

  it("create the search index next to the schema (FTS5 table, its entries and the cleanup trigger)", () => {
    const sqlite = new Database(baseDbFile, { readonly: true });
    const names = (sqlite.prepare("SELECT type || ':' || name AS n FROM sqlite_master WHERE name LIKE 'search%'").all() as { n: string }[]).map((r) => r.n);
    const fts = sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").get() as { sql: string };
    sqlite.close();
    expect(names).toEqual(expect.arrayContaining(["table:search_entry", "index:search_entry_document_id_key", "table:search_fts", "trigger:search_entry_delete"]));
    // Nothing outside the search_ prefix is hidden from the comparison above.
    expect(names.every((n) => SEARCH_OBJECT.test(n.split(":")[1]))).toBe(true);
    expect(fts.sql).toMatch(/fts5/i);
    expect(fts.sql).toContain("unicode61 remove_diacritics 2");
  });
});
