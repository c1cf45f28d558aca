import { onSql } from "~/utils/db.server";

/** Runs `fn` and returns how many SQL statements it executed. */
export async function countStatements(fn: () => Promise<unknown>): Promise<number> {
  let count = 0;
  onSql((sql) => {
    if (!/^\s*PRAGMA/i.test(sql)) count++;
  });
  try {
    await fn();
  } finally {
    onSql(undefined);
  }
  return count;
}
