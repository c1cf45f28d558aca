// Small helpers shared by the npm scripts (plain Node so they run before anything is built).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);

export function databaseUrl() {
  return process.env.DATABASE_URL || "file:./data/razem.db";
}

export function databaseFile(url = databaseUrl()) {
  return path.resolve(root, url.replace(/^file:/, ""));
}

export function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });
  if (result.status !== 0) {
    console.error(`✖ ${path.basename(cmd)} ${args.join(" ")} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

export function ensureDir(dir) {
  fs.mkdirSync(dir, { recursive: true });
}
