// Express serves the Remix build; the co-editing WebSocket (/collab) is attached to `httpServer`.
import path from "node:path";
import { createServer } from "node:http";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { parseEnv, ConfigError } from "./app/utils/env.server";
import { securityHeaders, rejectCrossOriginMutations } from "./server/security";
import { uploadConnectSources } from "./app/modules/storage/uploadthing-token.server";
import { log, requestLogger, setLogLevel } from "./server/logger";

const dev = process.argv.includes("--dev");

let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
setLogLevel(env.LOG_LEVEL);

const app = express();
app.disable("x-powered-by");
if (env.TRUST_PROXY === "true") app.set("trust proxy", true);
app.use(compression());
app.use(requestLogger());
app.use(securityHeaders({ dev, connectSrc: uploadConnectSources(env.UPLOADTHING_TOKEN) }));
app.use(rejectCrossOriginMutations());

let build: ServerBuild | (() => Promise<ServerBuild>);
if (dev) {
  const vite = await import("vite").then((v) =>
    v.createServer({ server: { middlewareMode: true }, appType: "custom" }),
  );
  app.use(vite.middlewares);
  build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
} else {
  const buildDir = path.resolve("build");
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  build = (await import(path.join(buildDir, "server/index.js"))) as ServerBuild;
}

app.use(
  createRequestHandler({
    build,
    mode: dev ? "development" : "production",
    getLoadContext: (req, res) => ({
      cspNonce: String(res.locals.cspNonce ?? ""),
      clientIp: req.ip ?? req.socket.remoteAddress ?? "",
    }),
  }),
);

export const httpServer = createServer(app);

// Co-editing of strategy drafts: WebSocket upgrades of /collab go to Hocuspocus, created from the
// app build like the scheduler (one copy of the app and its Prisma client). Other upgrade paths are
// refused, unless something else listens for them (Vite's HMR uses its own port in middleware mode).
const collabTrustProxy = env.TRUST_PROXY === "true";
type CollabServer = ReturnType<typeof import("./app/modules/strategy/collab.server").createCollabServer>;
let collab: Promise<CollabServer> | undefined;
function collabServer(): Promise<CollabServer> {
  collab ??= (async () => {
    type Create = typeof import("./app/modules/strategy/collab.server").createCollabServer;
    const entry = (typeof build === "function" ? await build() : build).entry.module as { createCollabServer?: Create };
    if (!entry.createCollabServer) throw new Error("the app build exports no createCollabServer");
    return entry.createCollabServer({ trustProxy: collabTrustProxy, log });
  })();
  return collab;
}
httpServer.on("upgrade", (req, socket, head) => {
  const pathname = (req.url ?? "").split("?")[0];
  if (pathname !== "/collab") {
    if (httpServer.listenerCount("upgrade") === 1) socket.destroy();
    return;
  }
  if (closing) return void socket.destroy();
  collabServer()
    .then((c) => c.handleUpgrade(req, socket, head))
    .catch((error) => {
      log("error", "collab upgrade failed", { error: error instanceof Error ? error.message : String(error) });
      socket.destroy();
    });
});

httpServer.listen(env.PORT, env.HOST, () => {
  log("info", "Razem is listening", { url: env.appUrl, port: env.PORT, dev });
  void startBackgroundScheduler();
});

// Reminders, notification e-mails and recurring tasks: one tick a minute, never overlapping; all
// its state is in the database, so a restart catches up (docs/decisions/0013). SCHEDULER=off: none.
const schedulerEnabled = env.SCHEDULER !== "off";
let scheduler: { stop(): Promise<void> } | undefined;
async function startBackgroundScheduler() {
  if (!schedulerEnabled) return log("info", "scheduler disabled (SCHEDULER=off)");
  try {
    // From the app build, like maintenance: one copy of the app and its Prisma client.
    type Start = typeof import("./app/modules/reminders/scheduler.server").startScheduler;
    const entry = (typeof build === "function" ? await build() : build).entry.module as { startScheduler?: Start };
    const startScheduler = entry.startScheduler;
    if (!startScheduler) throw new Error("the app build exports no startScheduler");
    if (!closing) scheduler = startScheduler({ intervalMs: 60_000, log });
  } catch (error) {
    log("error", "scheduler failed to start", { error: error instanceof Error ? error.message : String(error) });
  }
}

// Housekeeping (trash retention, expired sessions): shortly after start, then every 6 hours.
async function maintenance() {
  try {
    const entry = (typeof build === "function" ? await build() : build).entry.module as {
      runMaintenance?: () => Promise<unknown>;
    };
    const result = await entry.runMaintenance?.();
    log("info", "maintenance done", { result });
  } catch (error) {
    log("error", "maintenance failed", { error: error instanceof Error ? error.message : String(error) });
  }
}
setTimeout(() => void maintenance(), 60_000).unref();
setInterval(() => void maintenance(), 6 * 3600_000).unref();

// Search: extract the text of new versions and refresh the index, every 15 seconds.
async function searchIndexing() {
  try {
    const entry = (typeof build === "function" ? await build() : build).entry.module as {
      runSearchIndexing?: () => Promise<{ extracted: number; indexed: number; removed: number }>;
    };
    const result = await entry.runSearchIndexing?.();
    if (result && (result.extracted || result.indexed || result.removed)) log("info", "search index updated", { result });
  } catch (error) {
    log("error", "search indexing failed", { error: error instanceof Error ? error.message : String(error) });
  }
}
setInterval(() => void searchIndexing(), 15_000).unref();

// Graceful shutdown: stop accepting, let in-flight requests finish, then close the database.
let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log("info", "shutting down", { signal });
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  const schedulerStopped = scheduler?.stop();
  // Open editors: compact their documents and close the sockets (or httpServer.close never ends).
  const collabStopped = collab?.then((c) => c.destroy()).catch((error) => {
    log("error", "collab shutdown failed", { error: error instanceof Error ? error.message : String(error) });
  });
  httpServer.close(async () => {
    await schedulerStopped;
    await collabStopped;
    if (typeof build !== "function") {
      const entry = build.entry.module as { shutdown?: () => Promise<void> };
      await entry.shutdown?.();
    }
    log("info", "stopped");
    process.exit(0);
  });
  httpServer.closeIdleConnections();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
