// `npm start`: migrate the embedded database, build if the sources changed, serve.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { bin, root, run } from "./lib.mjs";
import { prepareDatabase } from "./prepare-db.mjs";

const started = Date.now();
prepareDatabase();

function newestMtime(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === "generated") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

const serverBuild = path.join(root, "build/server/index.js");
const sources = ["app", "public", "vite.config.ts", "remix.config.js", "package-lock.json"]
  .map((p) => path.join(root, p))
  .filter((p) => fs.existsSync(p));
const stale = !fs.existsSync(serverBuild) || Math.max(...sources.map(newestMtime)) > fs.statSync(serverBuild).mtimeMs;
if (stale) {
  console.log("… building the app (first start or sources changed)");
  run(bin("remix"), ["vite:build"], { stdio: ["ignore", "ignore", "inherit"] });
}
console.log(`✔ ready to serve in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const child = spawn(bin("tsx"), ["server.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
