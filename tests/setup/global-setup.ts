// Migrates one base database with the real migrations; each test file then copies it.
import fs from "node:fs";
import { execFileSync } from "node:child_process";
import { artifactsDir, baseDbFile } from "./paths";

export default function setup() {
  fs.mkdirSync(artifactsDir, { recursive: true });
  for (const f of fs.readdirSync(artifactsDir)) if (/^(base|worker-).*\.db/.test(f)) fs.rmSync(`${artifactsDir}/${f}`, { force: true });
  execFileSync("node", ["scripts/prepare-db.mjs"], {
    env: { ...process.env, DATABASE_URL: `file:${baseDbFile}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  // Checkpoint WAL into the main file so a plain copy carries the whole schema.
  fs.rmSync(`${baseDbFile}-wal`, { force: true });
  fs.rmSync(`${baseDbFile}-shm`, { force: true });
}
