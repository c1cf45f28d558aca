import type { AppLoadContext } from "@remix-run/node";

export function requestMeta(request: Request, context: AppLoadContext | undefined) {
  return { ip: context?.clientIp || "unknown", userAgent: request.headers.get("User-Agent") };
}
