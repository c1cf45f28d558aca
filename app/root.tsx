import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "@mantine/dates/styles.css";
import "@mantine/charts/styles.css";
import "@mantine/tiptap/styles.css";
import "~/styles.css";
import { useEffect } from "react";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteLoaderData,
} from "@remix-run/react";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { ColorSchemeScript, MantineProvider, mantineHtmlProps, mergeThemeOverrides, type MantineThemeOverride } from "@mantine/core";
import { Notifications, notifications } from "@mantine/notifications";
import { DatesProvider } from "@mantine/dates";
import "dayjs/locale/pl";
import { cssVariablesResolver, theme } from "~/theme";
import { useNonce } from "~/utils/nonce";
import { getCurrentSession } from "~/modules/auth/session.server";
import { resolveLocale } from "~/utils/i18n.server";
import { readToast } from "~/utils/toast.server";
import { createTranslator } from "~/utils/i18n";
import type { Locale } from "~/locales";
import { ErrorPage } from "~/components/ErrorPage";

export const meta: MetaFunction = () => [{ title: "Razem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, setCookie } = await getCurrentSession(request);
  const locale = await resolveLocale(request, user?.locale);
  const { toast, clear } = await readToast(request);
  const headers = new Headers();
  if (setCookie) headers.append("Set-Cookie", setCookie);
  if (clear) headers.append("Set-Cookie", clear);
  return data({ locale, user, toast }, { headers });
}

function useToast(toast: ReturnType<typeof useLoaderData<typeof loader>>["toast"], locale: Locale) {
  useEffect(() => {
    if (!toast) return;
    const t = createTranslator(locale);
    notifications.show({
      message: t(toast.key, toast.vars),
      color: toast.color ?? "teal",
      autoClose: 5000,
      closeButtonProps: { "aria-label": t("form.close") },
    });
  }, [toast, locale]);
}

const localizedThemes = new Map<Locale, MantineThemeOverride>();

/** The theme plus translated names for icon-only buttons inside inputs (clear, next/previous month). */
function themeFor(locale: Locale): MantineThemeOverride {
  let themed = localizedThemes.get(locale);
  if (!themed) {
    const t = createTranslator(locale);
    const ariaLabels = {
      nextMonth: t("dates.nextMonth"),
      previousMonth: t("dates.previousMonth"),
      nextYear: t("dates.nextYear"),
      previousYear: t("dates.previousYear"),
      nextDecade: t("dates.nextDecade"),
      previousDecade: t("dates.previousDecade"),
      monthLevelControl: t("dates.monthLevel"),
      yearLevelControl: t("dates.yearLevel"),
    };
    const inputDefaults = { defaultProps: { ariaLabels, clearButtonProps: { "aria-label": t("dates.clear") } } };
    const clearable = { defaultProps: { clearButtonProps: { "aria-label": t("form.clear") } } };
    themed = mergeThemeOverrides(theme, {
      components: {
        DateInput: inputDefaults,
        DatePickerInput: inputDefaults,
        DatePicker: { defaultProps: { ariaLabels } },
        Calendar: { defaultProps: { ariaLabels } },
        Select: clearable,
        MultiSelect: clearable,
        TagsInput: clearable,
      },
    });
    localizedThemes.set(locale, themed);
  }
  return themed;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const locale = rootData?.locale ?? "pl";
  return (
    <html lang={locale} {...mantineHtmlProps}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
        <ColorSchemeScript nonce={nonce} defaultColorScheme="auto" />
      </head>
      <body>
        <MantineProvider theme={themeFor(locale)} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
          {/* Date pickers: Polish names, weeks from Monday. */}
          <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>
            <Notifications position="bottom-right" />
            {children}
          </DatesProvider>
        </MantineProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { toast, locale } = useLoaderData<typeof loader>();
  useToast(toast, locale);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
