// Measures co-editing on this machine (not part of CI):
//   1. keystroke → appearance latency between two real browser pages (Debian's Chromium) as two users,
//   2. the server's resident memory with 50 open documents (one connection each, ~2,000 words each),
//   3. …and with 20 more clients on one document, all typing.
//
//   npx remix vite:build                       # the script runs the built app
//   npx tsx scripts/measure-collab.ts          # own server on a fresh database in a temp dir
//   npx tsx scripts/measure-collab.ts --keystrokes=200 --port=3231
//   DATABASE_URL=file:/path/app.db npx tsx scripts/measure-collab.ts --url=http://127.0.0.1:3000
//                                              # a running server: seeds into its database (rows
//                                              # removed at the end), RSS of the pid listening on the port
//
// Latency is taken inside the browsers: the keydown time in page A (performance.timeOrigin + now,
// a wall clock shared by both pages of one browser) and the time a MutationObserver in page B sees
// the text grow. Keystrokes are spaced (default 60 ms) so each is its own Yjs update.
import { execSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import * as Y from "yjs";

const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k, v ?? "true"];
  }),
);
const KEYSTROKES = Number(args.keystrokes ?? 200);
const GAP_MS = Number(args.gap ?? 60);
const DOCS = Number(args.docs ?? 50);
const CROWD = Number(args.clients ?? 20);
const external = typeof args.url === "string" ? args.url.replace(/\/$/, "") : null;
const port = external ? Number(new URL(external).port || 80) : Number(args.port ?? 3231);
const base = external ?? `http://127.0.0.1:${port}`;
const collabUrl = `${base.replace(/^http/, "ws")}/collab`;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const TAG = `Pomiar współpracy ${new Date().toISOString()}`;

// ——— Database: a fresh one in a temp dir unless a running server's is given ———
let tmp: string | null = null;
if (!external) {
  if (!fs.existsSync(path.join(root, "build/server/index.js"))) {
    console.error("No build: run `npx remix vite:build` first.");
    process.exit(1);
  }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "razem-measure-"));
  process.env.DATABASE_URL = `file:${path.join(tmp, "razem.db")}`;
  const { prepareDatabase } = await import("./prepare-db.mjs");
  prepareDatabase(process.env.DATABASE_URL);
} else if (!process.env.DATABASE_URL) {
  console.error("--url needs DATABASE_URL of that server's database (to add the measured users and drafts).");
  process.exit(1);
}

// Imported after DATABASE_URL is settled: the Prisma client reads it when loaded.
const { db } = await import("../app/utils/db.server");
const { buildInstitution, buildUser, loginAs } = await import("../tests/factories");
const { connectProvider, typeParagraph, waitFor, textOf } = await import("../tests/collab-client");

const institution = await buildInstitution({ shortName: `POM${Date.now().toString(36).toUpperCase()}`, name: "Instytucja pomiarowa" });
const people: { user: { id: string }; cookie: string }[] = [];
for (let i = 0; i < CROWD + 2; i++) {
  const user = await buildUser({ institutionId: institution.id, name: `Osoba Pomiarowa ${i + 1}`, email: `pomiar-${i + 1}-${Date.now().toString(36)}@razem.test` });
  people.push({ user, cookie: await loginAs(user.id) });
}
const [alice, bob] = people;
const workspace = await db.workspace.create({
  data: {
    name: TAG,
    owningInstitutionId: institution.id,
    createdById: alice.user.id,
    members: { create: people.map((p, i) => ({ userId: p.user.id, role: i === 0 ? ("OWNER" as const) : ("EDITOR" as const) })) },
  },
});
const words = "Transformacja regionu Bełchatów Kleszczów wymaga nowych miejsc pracy energii odnawialnej magazynów i współpracy partnerów".split(" ");
async function createDraft(title: string, paragraphs: number) {
  const doc = new Y.Doc();
  for (let p = 0; p < paragraphs; p++) typeParagraph(doc, Array.from({ length: 25 }, (_, k) => words[(p + k) % words.length]).join(" "));
  const draft = await db.strategyDraft.create({
    data: { workspaceId: workspace.id, title, createdById: alice.user.id, updatedById: alice.user.id, ydocState: paragraphs ? new Uint8Array(Y.encodeStateAsUpdate(doc)) : null },
  });
  return draft.id;
}
const latencyDraft = await createDraft("Pomiar opóźnienia", 4);
const drafts: string[] = [];
for (let i = 0; i < DOCS; i++) drafts.push(await createDraft(`Pomiar ${i + 1}`, 80));

// ——— The server ———
let server: ChildProcess | null = null;
// Never leave the server behind, whatever happens to this script.
process.on("exit", () => server?.kill("SIGTERM"));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));
process.on("unhandledRejection", (e) => {
  console.error(e);
  process.exit(1);
});
if (!external) {
  server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      APP_URL: base,
      STORAGE_DIR: path.join(tmp!, "files"),
      OUTBOX_DIR: path.join(tmp!, "outbox"),
      SCHEDULER: "off",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
for (let i = 0; ; i++) {
  if ((await fetch(`${base}/healthz`).catch(() => null))?.ok) break;
  if (i > 300) throw new Error(`${base} did not answer /healthz`);
  await new Promise((r) => setTimeout(r, 100));
}
const serverPid = server?.pid ?? pidListeningOn(port);

function pidListeningOn(p: number): number | null {
  try {
    const m = /pid=(\d+)/.exec(execSync(`ss -ltnpH 'sport = :${p}'`, { encoding: "utf8" }));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
function rssMb(): number | null {
  if (!serverPid) return null;
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${serverPid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : null;
}
const progress = (msg: string) => process.stderr.write(`… ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rows: [string, string][] = [];
rows.push(["server RSS, just started", `${rssMb() ?? "n/a"} MB`]);

// ——— 1. Latency between two browsers ———
const browser: Browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
async function pageFor(cookie: string): Promise<Page> {
  const context = await browser.newContext({ locale: "pl-PL", timezoneId: "Europe/Warsaw" });
  const eq = cookie.indexOf("=");
  const [name, value] = [cookie.slice(0, eq), cookie.slice(eq + 1)];
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/przestrzenie/${workspace.id}/strategie/${latencyDraft}`);
  await page.getByText("Połączono — zmiany zapisane").waitFor({ timeout: 20_000 });
  return page;
}
progress("latency: two browser pages");
const a = await pageFor(alice.cookie);
const b = await pageFor(bob.cookie);
// Warm up (JIT, first caret broadcast), then put A's caret at the end of the document.
await a.locator(".ProseMirror").click();
await a.keyboard.press("Control+End");
await a.keyboard.type(" ");
await sleep(1_000);
await a.evaluate(() => {
  const w = window as unknown as { __down: number[] };
  w.__down = [];
  document.addEventListener("keydown", () => w.__down.push(performance.timeOrigin + performance.now()), { capture: true });
});
// B's text length without caret labels (widgets inside the text), recorded on every DOM change.
// (A string, not a function: tsx's name helpers do not exist inside the page.)
const baseLength: number = await b.evaluate(`(() => {
  const el = document.querySelector(".ProseMirror");
  const length = () => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement && n.parentElement.closest(".collaboration-carets__caret") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let total = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) total += n.length;
    return total;
  };
  window.__seen = [];
  new MutationObserver(() => window.__seen.push([performance.timeOrigin + performance.now(), length()])).observe(el, { subtree: true, characterData: true, childList: true });
  return length();
})()`);
progress(`latency: ${KEYSTROKES} keystrokes`);
for (let i = 0; i < KEYSTROKES; i++) {
  await a.keyboard.press(String(i % 10));
  await sleep(GAP_MS);
}
await b.waitForFunction((n) => (window as unknown as { __seen: [number, number][] }).__seen.some(([, len]) => len >= n), baseLength + KEYSTROKES, { timeout: 30_000 });
const down: number[] = await a.evaluate(() => (window as unknown as { __down: number[] }).__down);
const seen: [number, number][] = await b.evaluate(() => (window as unknown as { __seen: [number, number][] }).__seen);
const latencies = down
  .map((t, i) => {
    const hit = seen.find(([, len]) => len >= baseLength + i + 1);
    return hit ? hit[0] - t : NaN;
  })
  .filter((x) => Number.isFinite(x))
  .sort((x, y) => x - y);
const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil(p * latencies.length) - 1))];
rows.push([`keystroke → other browser, median (n=${latencies.length})`, `${q(0.5).toFixed(1)} ms`]);
rows.push(["keystroke → other browser, p95", `${q(0.95).toFixed(1)} ms`]);
rows.push(["keystroke → other browser, max", `${latencies[latencies.length - 1].toFixed(1)} ms`]);
await browser.close();
await sleep(1_500);

// ——— 2. Memory: 50 open documents ———
rows.push(["server RSS, idle (browsers closed)", `${rssMb() ?? "n/a"} MB`]);
progress(`memory: ${DOCS} documents`);
const origin = base;
const open = drafts.map((id, i) => connectProvider(collabUrl, id, { cookie: people[i % people.length].cookie, origin }));
await waitFor(() => open.every((c) => c.provider.isSynced), { timeout: 60_000, message: `${DOCS} documents synced` });
await sleep(2_000);
rows.push([`server RSS, ${DOCS} open documents (~2,000 words each, 1 client each)`, `${rssMb() ?? "n/a"} MB`]);

// ——— 3. …and 20 clients on one document, typing ———
progress(`memory: ${CROWD} clients on one document`);
const crowd = people.slice(0, CROWD).map((p) => connectProvider(collabUrl, drafts[0], { cookie: p.cookie, origin }));
await waitFor(() => crowd.every((c) => c.provider.isSynced), { timeout: 60_000, message: `${CROWD} clients synced` });
const before = open[0].doc.getXmlFragment("body").length;
let peak = 0;
const ROUNDS = 10;
for (let r = 0; r < ROUNDS; r++) {
  crowd.forEach((c, i) => typeParagraph(c.doc, `Uwaga ${r + 1} osoby ${i + 1}: ${words.slice(0, 8).join(" ")}`));
  await sleep(200);
  peak = Math.max(peak, rssMb() ?? 0);
}
await waitFor(() => crowd.every((c) => !c.provider.hasUnsyncedChanges), { timeout: 60_000, message: "all acknowledged" });
const expected = before + CROWD * ROUNDS;
await waitFor(() => [...crowd, open[0]].every((c) => c.doc.getXmlFragment("body").length === expected), { timeout: 60_000, message: "converged" });
const converged = new Set([...crowd, open[0]].map((c) => textOf(c.doc))).size === 1;
await sleep(2_000);
rows.push([`server RSS, + ${CROWD} clients on one document, ${CROWD * ROUNDS} paragraphs typed (peak during typing)`, `${rssMb() ?? "n/a"} MB (${peak || "n/a"} MB)`]);
rows.push([`${CROWD} clients + 1 converged to the same text`, converged ? "yes" : "NO"]);
for (const c of [...open, ...crowd]) c.close();
await sleep(3_000);
rows.push(["server RSS, all clients gone", `${rssMb() ?? "n/a"} MB`]);

// ——— Report ———
const [l1, l5, l15] = os.loadavg();
rows.push(["machine", `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`]);
rows.push(["load average (1/5/15 min) at the end", `${l1.toFixed(2)} / ${l5.toFixed(2)} / ${l15.toFixed(2)}`]);
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\nCo-editing measurements — ${new Date().toISOString()} — ${base}\n`);
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);

// ——— Clean up ———
if (server) {
  const gone = new Promise((r) => server!.once("exit", r));
  server.kill("SIGTERM");
  await gone;
}
if (external) {
  await db.workspace.delete({ where: { id: workspace.id } });
  await db.session.deleteMany({ where: { userId: { in: people.map((p) => p.user.id) } } });
  await db.auditLog.deleteMany({ where: { actorId: { in: people.map((p) => p.user.id) } } }).catch(() => undefined);
  await db.user.deleteMany({ where: { id: { in: people.map((p) => p.user.id) } } }).catch(() => undefined);
  await db.institution.delete({ where: { id: institution.id } }).catch(() => undefined);
}
await db.$disconnect();
if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
process.exit(0);
