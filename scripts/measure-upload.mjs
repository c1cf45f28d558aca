#!/usr/bin/env node
// Memory check of library uploads: POSTs a generated file (1 GB by default) as a multipart stream
// to a RUNNING Razem server and reports the server's memory, read from /proc/<pid>/status.
// It starts nothing itself and is not part of `npm test`.
//
// What it shows: uploads stream to disk, so the server's resident memory must not grow with the
// file size (expect tens of MB of growth at most, not ~1 GB).
//
// How to run (Linux, server on this machine):
//   1. Start the server with a limit above the test size, e.g.
//        UPLOAD_MAX_MB=2048 PORT=3400 npm start        (or: npm run build && UPLOAD_MAX_MB=2048 PORT=3400 npm run serve)
//      and note its pid — the Node process that listens, e.g. `pgrep -f "tsx server.ts"` or
//      `ss -ltnp 'sport = :3400'`.
//   2. Have a workspace where the account is OWNER or EDITOR (e.g. `npm run demo`), and its id
//      (from the URL /przestrzenie/<id>/…).
//   3. node scripts/measure-upload.mjs --url http://127.0.0.1:3400 --pid <pid> --workspace <id> \
//        --email <login> --password <password> [--size-mb 1024] [--folder <folderId>]
//      (or --cookie "razem_session=…" instead of --email/--password).
//
// Output: HTTP status and answer, throughput, and memory: VmRSS before, the highest VmRSS sampled
// every 50 ms during the upload, and VmHWM (the process's all-time peak) before and after. If
// VmHWM did not move, the upload never took the server above its earlier peak. The uploaded file
// stays in the library (delete it there, then purge it from the trash).
import http from "node:http";
import https from "node:https";
import fs from "node:fs";

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (!key.startsWith("--")) continue;
    out[key.slice(2)] = argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : "true";
  }
  return out;
}

const opts = args();
if (!opts.url || !opts.pid || !opts.workspace || (!opts.cookie && !(opts.email && opts.password))) {
  console.error("Usage: node scripts/measure-upload.mjs --url http://127.0.0.1:3400 --pid <server pid> --workspace <id> (--email <e> --password <p> | --cookie <c>) [--size-mb 1024] [--folder <id>]");
  process.exit(2);
}
const base = new URL(opts.url);
const client = base.protocol === "https:" ? https : http;
const sizeBytes = Math.round(Number(opts["size-mb"] ?? 1024) * 1024 * 1024);

function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
}
const mb = (kb) => `${(kb / 1024).toFixed(1)} MB`;

function request(method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = client.request(new URL(path, base), { method, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (typeof body === "function") body(req);
    else req.end(body);
  });
}

async function signIn() {
  if (opts.cookie) return opts.cookie;
  const form = new URLSearchParams({ email: opts.email, password: opts.password, redirectTo: "/pulpit" }).toString();
  const res = await request("POST", "/logowanie", { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(form), Origin: base.origin }, form);
  const cookie = [res.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("razem_session="));
  if (!cookie) throw new Error(`Sign-in failed (HTTP ${res.status}). Check --email/--password.`);
  return cookie.split(";")[0];
}

async function main() {
  const cookie = await signIn();
  const boundary = `----razem-measure-${Date.now()}`;
  const name = `pomiar-pamieci-${Date.now()}.pdf`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nPomiar pamięci (scripts/measure-upload.mjs)\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  // A PDF header (the content check looks at the first bytes), then one reused 1 MiB chunk.
  const pdfHead = Buffer.from("%PDF-1.7\n% razem memory test\n");
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const params = new URLSearchParams(opts.folder ? { folder: opts.folder } : {});
  const path = `/przestrzenie/${encodeURIComponent(opts.workspace)}/biblioteka/wyslij${params.size ? `?${params}` : ""}`;

  const before = memory(opts.pid);
  let peakRss = before.rss;
  const sampler = setInterval(() => {
    try {
      peakRss = Math.max(peakRss, memory(opts.pid).rss);
    } catch {
      /* process gone */
    }
  }, 50);
  const started = Date.now();
  console.log(`Uploading ${mb(sizeBytes / 1024)} to ${new URL(path, base)} …`);
  const res = await request(
    "POST",
    path,
    {
      "Content-Type": `multipart/form-data; boundary=${boundary}`,
      "Content-Length": head.length + sizeBytes + tail.length,
      Cookie: cookie,
      Origin: base.origin,
      Accept: "application/json",
    },
    (req) => {
      let sent = 0;
      req.write(head);
      req.write(pdfHead);
      sent += pdfHead.length;
      const pump = () => {
        while (sent < sizeBytes) {
          const n = Math.min(chunk.length, sizeBytes - sent);
          sent += n;
          if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once("drain", pump);
        }
        req.end(tail);
      };
      pump();
    },
  );
  clearInterval(sampler);
  const seconds = (Date.now() - started) / 1000;
  const after = memory(opts.pid);
  peakRss = Math.max(peakRss, after.rss);

  console.log(`HTTP ${res.status}: ${res.body.slice(0, 300)}`);
  console.log(`Time: ${seconds.toFixed(1)} s (${(sizeBytes / 1024 / 1024 / seconds).toFixed(1)} MB/s)`);
  console.log(`Server VmRSS before:          ${mb(before.rss)}`);
  console.log(`Server VmRSS peak (sampled):  ${mb(peakRss)}  (+${mb(peakRss - before.rss)})`);
  console.log(`Server VmRSS after:           ${mb(after.rss)}`);
  console.log(`Server VmHWM before → after:  ${mb(before.hwm)} → ${mb(after.hwm)}`);
  const grewBy = peakRss - before.rss;
  const ok = res.status >= 200 && res.status < 300 && grewBy < 200 * 1024;
  console.log(ok ? "OK: memory did not grow with the file size." : "CHECK: the upload failed or memory grew by more than 200 MB.");
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
