import type { NextFunction, Request, Response } from "express";

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

let threshold: number = LEVELS.info;
export function setLogLevel(level: LogLevel) {
  threshold = LEVELS[level];
}

/** One JSON object per line: easy to grep here and to ship to any log collector later. */
export function log(level: Exclude<LogLevel, "silent">, msg: string, fields: Record<string, unknown> = {}) {
  if (LEVELS[level] < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}

export function requestLogger() {
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.on("finish", () => {
      if (req.path.startsWith("/assets/")) return;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      log(res.statusCode >= 500 ? "error" : "info", "request", {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        ip: req.ip,
        bytes: Number(res.getHeader("content-length") ?? 0) || undefined,
      });
    });
    next();
  };
}
