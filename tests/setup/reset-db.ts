// Empties every table between tests so each test starts from the freshly migrated state.
// SQLite-specific on purpose: this is the test harness's one module that knows the engine.
import { db } from "~/utils/db.server";

let tables: string[] | undefined;

export async function resetDatabase() {
  tables ??= (
    await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations'",
    )
  ).map((r) => r.name);
  await db.$executeRawUnsafe("PRAGMA foreign_keys = OFF");
  for (const table of tables) await db.$executeRawUnsafe(`DELETE FROM "${table}"`);
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
}
