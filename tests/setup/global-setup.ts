// Migrates one base database with the real migrations; each test file then copies it.
// Each run gets its own base file, so several test runs on one machine never disturb each other.
import fs from "node:fs";
import crypto from "node:crypto";
import path from "node:path";
import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { artifactsDir } from "./paths";

declare module "vitest" {
  export interface ProvidedContext {
    baseDbFile: string;
  }
}

const STALE_MS = 6 * 3600_000;

export default function setup(project: TestProject) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  // Leftovers of runs that were killed; a running run's files are younger than this.
  for (const f of fs.readdirSync(artifactsDir)) {
    const file = path.join(artifactsDir, f);
    if (/^(base|worker-).*\.db/.test(f) && Date.now() - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file, { force: true });
  }
  const baseDbFile = path.join(artifactsDir, `base-${process.pid}-${crypto.randomBytes(3).toString("hex")}.db`);
  execFileSync("node", ["scripts/prepare-db.mjs"], {
    env: { ...process.env, DATABASE_URL: `file:${baseDbFile}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // Checkpoint WAL into the main file so a plain copy carries the whole schema.
  fs.rmSync(`${baseDbFile}-wal`, { force: true });
  fs.rmSync(`${baseDbFile}-shm`, { force: true });
  project.provide("baseDbFile", baseDbFile);
  return () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(baseDbFile + suffix, { force: true });
  };
}
