import { createCookie, redirect } from "@remix-run/node";
import type { MessageKey } from "~/locales";
import { getEnv } from "./env.server";
import { isMessageKey } from "./i18n";

export type Toast = { key: MessageKey; vars?: Record<string, string | number>; color?: "green" | "red" | "blue" };

/** A command's refusal ("key" or "key|{json vars}", as translateMessage reads it) as a red toast. */
export function refusalToast(message: string): Toast {
  const [key, rawVars] = message.split("|", 2);
  return { key: isMessageKey(key) ? key : "error.title", vars: rawVars ? (JSON.parse(rawVars) as Toast["vars"]) : undefined, color: "red" };
}

// Short-lived: shown once on the page after a redirect, then cleared by the root loader.
const toastCookie = createCookie("razem_toast", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: getEnv().cookieSecure,
  maxAge: 60,
});

export async function toastHeader(toast: Toast): Promise<string> {
  return toastCookie.serialize(toast);
}

export async function redirectWithToast(url: string, toast: Toast, init: { headers?: HeadersInit } = {}) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await toastHeader(toast));
  return redirect(url, { headers });
}

export async function readToast(request: Request): Promise<{ toast: Toast | null; clear?: string }> {
  const toast = (await toastCookie.parse(request.headers.get("Cookie"))) as Toast | null;
  if (!toast) return { toast: null };
  return { toast, clear: await toastCookie.serialize("", { maxAge: 0 }) };
}
