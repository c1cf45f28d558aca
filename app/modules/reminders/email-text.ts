// What notification e-mails say, in the recipient's language. Pure: the delivery code and the
// tests use the same functions.
import type { Locale, MessageKey } from "~/locales";
import { notificationTitle, safeAppPath } from "~/modules/notifications/notification-text";
import { formatDateTime } from "~/utils/dates";
import { createTranslator } from "~/utils/i18n";

export const PREFERENCES_PATH = "/profil/powiadomienia";
/** A digest lists this many notifications and says how many more wait in the app. */
export const DIGEST_LIST_MAX = 50;

export type MailNotification = { title: string; data: string | null; url: string; createdAt: Date };
export type Recipient = { locale: string };

export function parseNotificationData(json: string | null): Record<string, string | number> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    const out: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(parsed)) if (typeof v === "string" || typeof v === "number") out[k] = v;
    return out;
  } catch {
    return {};
  }
}

function localeOf(recipient: Recipient): Locale {
  return recipient.locale === "en" ? "en" : "pl";
}

function oneLine(text: string, max = 150): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The absolute address of an app path (never another site: see safeAppPath). */
export function absoluteLink(appUrl: string, path: string): string {
  return `${appUrl.replace(/\/$/, "")}${safeAppPath(path)}`;
}

/** One e-mail for one notification (mode "immediately"). */
export function immediateEmail(recipient: Recipient, n: MailNotification, appUrl: string): { subject: string; text: string } {
  const t = createTranslator(localeOf(recipient));
  const title = notificationTitle(t, { title: n.title, data: parseNotificationData(n.data) });
  return {
    subject: t("reminders.mail.subject", { title: oneLine(title) }),
    text: t("reminders.mail.body", {
      title,
      link: absoluteLink(appUrl, n.url),
      settings: absoluteLink(appUrl, PREFERENCES_PATH),
    }),
  };
}

const plural: Record<Locale, Intl.PluralRules> = { pl: new Intl.PluralRules("pl-PL"), en: new Intl.PluralRules("en-GB") };
const FORMS = ["one", "few", "many", "other"] as const;

/** "3 nowe powiadomienia" / "5 nowych powiadomień" / "1 new notification". */
export function countText(locale: Locale, count: number): string {
  const rule = plural[locale].select(count);
  const form = (FORMS as readonly string[]).includes(rule) ? (rule as (typeof FORMS)[number]) : "other";
  return createTranslator(locale)(`reminders.mail.count.${form}` satisfies MessageKey, { count });
}

/** The daily digest: all waiting notifications in one message (mode "daily digest"). */
export function digestEmail(recipient: Recipient, items: MailNotification[], appUrl: string): { subject: string; text: string } {
  const locale = localeOf(recipient);
  const t = createTranslator(locale);
  const shown = items.slice(0, DIGEST_LIST_MAX);
  const lines = shown.map((n) => {
    const title = notificationTitle(t, { title: n.title, data: parseNotificationData(n.data) });
    return `• ${title} (${formatDateTime(n.createdAt, locale)})\n  ${absoluteLink(appUrl, n.url)}`;
  });
  const more = items.length - shown.length;
  if (more > 0) lines.push(t("reminders.mail.digest.more", { count: more, link: absoluteLink(appUrl, "/powiadomienia") }));
  const count = countText(locale, items.length);
  return {
    subject: t("reminders.mail.digest.subject", { count }),
    text: t("reminders.mail.digest.body", {
      count,
      items: lines.join("\n\n"),
      settings: absoluteLink(appUrl, PREFERENCES_PATH),
    }),
  };
}
