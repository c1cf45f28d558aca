// Empties every table between tests so each test starts from the freshly migrated state.
// SQLite-specific on purpose: this is the test harness's one module that knows the engine.
import { db } from "~/utils/db.server";

let tables: string[] | undefined;

export async function resetDatabase() {
  tables ??= (
    await db.$queryRawUnsafe<{ name: string }[]>(
      // FTS5 shadow tables (search_fts_data, …) may not be written directly; emptying their
      // virtual table empties them.
      `SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name != '_prisma_migrations'
         AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%' AND m.name LIKE v.name || '\\_%' ESCAPE '\\')`,
    )
  ).map((r) => r.name);
  await db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
  for (const table of tables) await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
}
