import { dictionaries, DEFAULT_LOCALE, LOCALES, type Locale, type MessageKey } from "~/locales";

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(value: string): value is MessageKey {
  return value in dictionaries.pl;
}

export function createTranslator(locale: Locale): Translate {
  const dict = dictionaries[locale] ?? dictionaries[DEFAULT_LOCALE];
  return (key, vars) => {
    const template = dict[key] ?? dictionaries[DEFAULT_LOCALE][key] ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in vars ? String(vars[name]) : match,
    );
  };
}

/**
 * Validation errors travel as message keys (optionally "key|{json vars}") so the server
 * stays language-neutral and the page shows them in the reader's language.
 */
export function translateMessage(t: Translate, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const [key, rawVars] = message.split("|", 2);
  if (!isMessageKey(key)) return message;
  return t(key, rawVars ? (JSON.parse(rawVars) as Vars) : undefined);
}

/** Picks the best supported language from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((e) => e.tag && !Number.isNaN(e.q) && e.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return undefined;
}
