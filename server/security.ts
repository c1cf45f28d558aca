import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { PREVIEW_PATH_PATTERN } from "../app/modules/library/library-urls";

/**
 * The library's inline preview (PDF, images) is the one response our own pages may put in an
 * <iframe>: `frame-ancestors 'self'` + `X-Frame-Options: SAMEORIGIN` on that path only, with a
 * CSP for a document that is not our HTML (no scripts of ours; `object-src 'self'` so the
 * browser's PDF viewer may render it). Every other response stays unframeable.
 */
export function mayBeFramedBySelf(path: string): boolean {
  return PREVIEW_PATH_PATTERN.test(path);
}

const PREVIEW_CSP = [
  "default-src 'none'",
  "img-src 'self'",
  "style-src 'unsafe-inline'",
  "object-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The headers for one response (pure, so it is tested without a server). */
export function securityHeadersFor({ path, nonce, dev, connectSrc = [] }: { path: string; nonce: string; dev: boolean; connectSrc?: string[] }): Record<string, string> {
  // Vite's dev client needs eval and inline modules; production never gets them.
  const scriptSrc = dev
    ? `'self' 'nonce-${nonce}' 'unsafe-eval'`
    : `'self' 'nonce-${nonce}'`;
  const framable = mayBeFramedBySelf(path);
  const csp = framable
    ? PREVIEW_CSP
    : [
        "default-src 'self'",
        `script-src ${scriptSrc}`,
        // Mantine injects <style> tags at runtime; styles only, never scripts, may be inline.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        // Extra origins: UploadThing's ingest hosts when browsers upload there directly (ADR 0011).
        `connect-src 'self'${connectSrc.map((s) => ` ${s}`).join("")}${dev ? " ws: wss:" : ""}`,
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
      ].join("; ");
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": framable ? "SAMEORIGIN" : "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

/** Per-request CSP nonce plus the security headers every response carries. */
export function securityHeaders({ dev, connectSrc = [] }: { dev: boolean; connectSrc?: string[] }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    for (const [name, value] of Object.entries(securityHeadersFor({ path: req.path, nonce, dev, connectSrc }))) res.setHeader(name, value);
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that a browser sent from another origin (CSRF defence in
 * depth on top of SameSite=Lax). Non-browser clients send no Origin and carry no ambient cookies.
 */
export function isCrossOriginMutation(req: {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  host: string;
}): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const origin = req.headers.origin;
  if (typeof origin === "string" && origin !== "null") {
    try {
      return new URL(origin).host !== req.host;
    } catch {
      return true;
    }
  }
  if (origin === "null") return true;
  return req.headers["sec-fetch-site"] === "cross-site";
}

export function rejectCrossOriginMutations() {
  return (req: Request, res: Response, next: NextFunction) => {
    const host = req.headers["x-forwarded-host"] && req.app.get("trust proxy")
      ? String(req.headers["x-forwarded-host"])
      : String(req.headers.host ?? "");
    if (isCrossOriginMutation({ method: req.method, headers: req.headers, host })) {
      res.status(403).type("text/plain; charset=utf-8").send("Żądanie z innej domeny zostało odrzucone.");
      return;
    }
    next();
  };
}
