// How a notification reads: its title is a translation key (filled with its data) or, for rows
// written as ready text, the text itself. Pure: used by the bell and the notifications page.
import type { Locale, MessageKey } from "~/locales";
import { isMessageKey, type Translate } from "~/utils/i18n";

export function notificationTitle(t: Translate, n: { title: string; data: Record<string, string | number> }): string {
  return isMessageKey(n.title) ? t(n.title, n.data) : n.title;
}

const plural: Record<Locale, Intl.PluralRules> = { pl: new Intl.PluralRules("pl-PL"), en: new Intl.PluralRules("en-GB") };
const FORMS = ["one", "few", "many", "other"] as const;

/** The bell's accessible name: "Powiadomienia, 3 nieprzeczytane" (Polish plural forms). */
export function bellLabel(t: Translate, locale: Locale, unread: number): string {
  if (unread <= 0) return t("notifications.bell.none");
  const rule = plural[locale].select(unread);
  const form = (FORMS as readonly string[]).includes(rule) ? (rule as (typeof FORMS)[number]) : "other";
  return t(`notifications.bell.unread.${form}` satisfies MessageKey, { count: unread });
}

/** The number on the badge: "99+" beyond 99. */
export function badgeText(unread: number): string {
  return unread > 99 ? "99+" : String(unread);
}

export const NOTIFICATIONS_URL = "/powiadomienia";
/** GET JSON for the bell's polling (routes/powiadomienia.stan.ts). */
export const BELL_POLL_URL = "/powiadomienia/stan";
export const markReadUrl = (id: string) => `/powiadomienia/${encodeURIComponent(id)}/przeczytaj`;

/** Only paths inside the app ("/…", never "//host" or "https://…"): a notification can never send anyone elsewhere. */
export function safeAppPath(url: string): string {
  return url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : NOTIFICATIONS_URL;
}
