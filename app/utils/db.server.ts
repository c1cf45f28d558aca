import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "~/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

declare global {
  // Survives Vite dev-server module reloads so we keep one connection.
  var __razemDb: PrismaClient | undefined;
}

let sqlListener: ((sql: string) => void) | undefined;

/** Observe every SQL statement (tests use it to prove list pages cost a fixed number of queries). */
export function onSql(listener: ((sql: string) => void) | undefined) {
  sqlListener = listener;
}

function createClient(): PrismaClient {
  const url = process.env.DATABASE_URL || "file:./data/razem.db";
  // `timeout` is SQLite's busy timeout: wait for a lock instead of failing at once.
  // WAL mode is set on the file by scripts/prepare-db.mjs and persists across connections.
  const adapter = new PrismaBetterSQLite3({ url, timeout: 5000, verbose: (sql) => sqlListener?.(String(sql)) });
  const client = new PrismaClient({ adapter });
  // SQLite enforces foreign keys per connection only when asked; the adapter keeps one connection.
  void client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  return client;
}

export const db: PrismaClient = (globalThis.__razemDb ??= createClient());

export async function disconnectDatabase(): Promise<void> {
  await db.$disconnect();
}

export async function checkDatabase(): Promise<{ ok: boolean; error?: string }> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** A unique constraint refused the write (e.g. a name that another row already has). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
