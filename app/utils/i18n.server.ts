import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, type Locale } from "~/locales";
import { getEnv } from "./env.server";
import { isLocale, localeFromAcceptLanguage } from "./i18n";

/** Language chosen before signing in; after sign-in the user's saved preference wins. */
export const localeCookie = createCookie("razem_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: getEnv().cookieSecure,
  maxAge: 365 * 24 * 3600,
});

export async function resolveLocale(request: Request, userLocale?: Locale | null): Promise<Locale> {
  if (userLocale) return userLocale;
  const fromCookie = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LOCALE;
}
