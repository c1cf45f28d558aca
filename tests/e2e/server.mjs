// Starts the built app on a fresh database for the browser tests (outbox instead of SMTP).
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { bin, root, run } from "../../scripts/lib.mjs";
import { prepareDatabase } from "../../scripts/prepare-db.mjs";

const dir = path.join(root, "tests/.artifacts/e2e");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(path.join(dir, "outbox"), { recursive: true });

const env = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: `file:${path.join(dir, "razem.db")}`,
  OUTBOX_DIR: path.join(dir, "outbox"),
  STORAGE_DIR: path.join(dir, "files"),
  PORT: process.env.E2E_PORT ?? "3100",
  HOST: "127.0.0.1",
  APP_URL: `http://127.0.0.1:${process.env.E2E_PORT ?? "3100"}`,
  LOG_LEVEL: "warn",
};
delete env.SMTP_URL;
process.env.DATABASE_URL = env.DATABASE_URL;
prepareDatabase(env.DATABASE_URL);
if (!fs.existsSync(path.join(root, "build/server/index.js"))) run(bin("remix"), ["vite:build"]);

const child = spawn(bin("tsx"), ["server.ts"], { cwd: root, env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill("SIGTERM"));
child.on("exit", (code) => process.exit(code ?? 0));
