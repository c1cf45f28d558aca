import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** Per-request CSP nonce plus the security headers every response carries. */
export function securityHeaders({ dev }: { dev: boolean }) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    // Vite's dev client needs eval and inline modules; production never gets them.
    const scriptSrc = dev
      ? `'self' 'nonce-${nonce}' 'unsafe-eval'`
      : `'self' 'nonce-${nonce}'`;
    const csp = [
      "default-src 'self'",
      `script-src ${scriptSrc}`,
      // Mantine injects <style> tags at runtime; styles only, never scripts, may be inline.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      `connect-src 'self'${dev ? " ws: wss:" : ""}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ].join("; ");
    res.setHeader("Content-Security-Policy", csp);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
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
