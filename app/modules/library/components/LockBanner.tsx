import { useFetcher } from "@remix-run/react";
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconLock, IconLockOpen } from "@tabler/icons-react";
import { formatDateTime } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";

export type LockInfo = { name: string; at: string | Date; mine: boolean };

type ActionData = { ok: boolean; error: string | null };

/**
 * "Edytuję ten plik": who has the file checked out and since when, for everyone who opens it.
 * The lock's owner and workspace OWNERs get "Zwolnij blokadę".
 */
export function LockBanner({ lock, name, canUnlock }: { lock: LockInfo | null; name: string; canUnlock: boolean }) {
  const t = useT();
  const locale = useLocale();
  const translate = useFieldError();
  const fetcher = useFetcher<ActionData>();
  if (!lock) return null;
  const date = formatDateTime(lock.at, locale);
  const error = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data.error : null;
  return (
    // A standing notice, not an interruption: role "status" instead of Alert's default "alert".
    <Alert role="status" color={lock.mine ? "blue" : "yellow"} variant="light" icon={<IconLock size={18} aria-hidden />} title={t("library.lock.title")}>
      <Stack gap="xs">
        <Text size="sm">{lock.mine ? t("library.lock.mine", { date }) : t("library.lock.other", { name: lock.name, date })}</Text>
        {!lock.mine && canUnlock ? <Text size="sm">{t("library.lock.otherOwner")}</Text> : null}
        {error ? (
          <Text size="sm" c="red.8" role="alert">
            {translate(error)}
          </Text>
        ) : null}
        {canUnlock ? (
          <Group>
            <fetcher.Form method="post">
              <input type="hidden" name="intent" value="unlock" />
              <Button type="submit" size="xs" variant="default" leftSection={<IconLockOpen size={14} aria-hidden />} loading={fetcher.state !== "idle"} aria-label={t("library.lock.releaseLabel", { name })}>
                {t("library.lock.release")}
              </Button>
            </fetcher.Form>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
