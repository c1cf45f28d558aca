// Creates the SQLite file if needed, applies committed migrations, and turns on WAL
// (a persistent property of the file). Safe to run on every start.
import path from "node:path";
import Database from "better-sqlite3";
import { bin, databaseFile, databaseUrl, ensureDir, run } from "./lib.mjs";

export function prepareDatabase(url = databaseUrl()) {
  const file = databaseFile(url);
  ensureDir(path.dirname(file));
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  run(bin("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase();
  console.log(`✔ database ready: ${databaseFile()}`);
}
