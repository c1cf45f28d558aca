import { useMemo } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "~/locales";
import { createTranslator, translateMessage, type Translate } from "./i18n";

type RootData = { locale: Locale };

export function useLocale(): Locale {
  const data = useRouteLoaderData<RootData>("root");
  return data?.locale ?? "pl";
}

export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => createTranslator(locale), [locale]);
}

/** Translates a server-sent error key for a field (undefined when there is none). */
export function useFieldError() {
  const t = useT();
  return (message: string | undefined) => translateMessage(t, message);
}
