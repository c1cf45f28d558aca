// The server process itself: configuration is validated at start, SIGTERM shuts down cleanly.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

function startServer(env: Record<string, string>) {
  const child = spawn("node_modules/.bin/tsx", ["server.ts"], {
    env: { ...process.env, NODE_ENV: "production", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

test("a bad configuration stops the start with a message naming the variable", async () => {
  const server = startServer({ PORT: "nie-liczba", SMTP_URL: "poczta.example.pl" });
  expect(await server.exited).toBe(1);
  expect(server.output()).toContain("Invalid configuration");
  expect(server.output()).toContain("PORT");
  expect(server.output()).toContain("SMTP_URL");
});

test("SIGTERM drains and exits with code 0", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "razem-life-"));
  fs.copyFileSync("tests/.artifacts/e2e/razem.db", path.join(dir, "razem.db"));
  const port = 3199;
  const server = startServer({ PORT: String(port), DATABASE_URL: `file:${dir}/razem.db`, LOG_LEVEL: "info" });
  await expect
    .poll(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status ?? 0, { timeout: 30_000 })
    .toBe(200);
  server.child.kill("SIGTERM");
  expect(await server.exited).toBe(0);
  expect(server.output()).toContain('"msg":"shutting down"');
  expect(server.output()).toContain('"msg":"stopped"');
  // Structured request log: one JSON object per request.
  const requestLine = server
    .output()
    .split("\n")
    .find((l) => l.includes('"msg":"request"'));
  expect(JSON.parse(requestLine!)).toMatchObject({ method: "GET", path: "/healthz", status: 200 });
});
