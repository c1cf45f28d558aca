// The bell in the header: unread count on a badge (and in the button's name), a popover with the
// latest notifications, "mark all as read" and a link to the full list. Fed by the _app loader
// (every revalidation keeps it current) and polled every minute while the tab is visible, so a
// mention or a reminder shows up without reloading.
import { useEffect, useRef, useState } from "react";
import { Link, useFetcher } from "@remix-run/react";
import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useLocale, useT } from "~/utils/i18n-react";
import { badgeText, bellLabel, BELL_POLL_URL, NOTIFICATIONS_URL } from "../notification-text";
import { NotificationRow, type NotificationView } from "./NotificationRow";

export type BellData = { unread: number; latest: NotificationView[] };

export const BELL_POLL_MS = 60_000;

/** The freshest bell data: the loader's after each navigation, the poll's in between. */
function usePolledBell(loaderData: BellData): {
  bell: BellData;
  arrived: number;
} {
  const poll = useFetcher<BellData>({ key: "notifications-bell" });
  const [state, setState] = useState({ bell: loaderData, arrived: 0 });
  const lastPoll = useRef<BellData | undefined>(undefined);
  useEffect(() => setState((s) => ({ bell: loaderData, arrived: s.arrived })), [loaderData]);
  useEffect(() => {
    if (poll.data && poll.data !== lastPoll.current) {
      lastPoll.current = poll.data;
      const fresh = poll.data;
      setState((s) => ({
        bell: fresh,
        arrived: fresh.unread > s.bell.unread ? fresh.unread - s.bell.unread : 0,
      }));
    }
  }, [poll.data]);
  const load = poll.load;
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === "visible") load(BELL_POLL_URL);
    };
    const timer = window.setInterval(tick, BELL_POLL_MS);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [load]);
  return state;
}

export function NotificationsBell({ data: loaderData }: { data: BellData }) {
  const t = useT();
  const locale = useLocale();
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  const fetcher = useFetcher();
  const { bell: data, arrived } = usePolledBell(loaderData);
  // Optimistic: the count drops at once when "mark all" is sent.
  const unread = fetcher.state !== "idle" && fetcher.formData?.get("intent") === "readAll" ? 0 : data.unread;
  return (
    <>
      {/* Screen readers hear about notifications that arrive while the page is open. */}
      <span className="visually-hidden" role="status" aria-live="polite">
        {arrived > 0 ? t("notifications.bell.arrived", { count: arrived }) : ""}
      </span>
      <Popover position="bottom-end" width={360} shadow="md" opened={opened} onChange={setOpened} trapFocus returnFocus>
        <Indicator label={<span aria-hidden>{badgeText(unread)}</span>} size={18} offset={6} disabled={unread === 0} color="red.8">
          <Popover.Target>
            <ActionIcon variant="subtle" size="lg" aria-label={bellLabel(t, locale, unread)} onClick={() => setOpened((o) => !o)}>
              <IconBell size={20} aria-hidden />
            </ActionIcon>
          </Popover.Target>
        </Indicator>
        <Popover.Dropdown p="xs" aria-label={t("notifications.bell.latest")}>
          <Stack gap="xs">
            <Group justify="space-between" px={4}>
              <Text fw={700} size="sm">
                {t("notifications.title")}
              </Text>
              {unread > 0 ? (
                <Text size="xs" c="dimmed">
                  {t("notifications.unreadCount", { count: unread })}
                </Text>
              ) : null}
            </Group>
            {data.latest.length === 0 ? (
              <Text size="sm" c="dimmed" px={4} py="sm">
                {t("notifications.bell.empty")}
              </Text>
            ) : (
              <ScrollArea.Autosize mah={420} type="auto">
                <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: "none" }}>
                  {data.latest.map((item) => (
                    <li key={item.id}>
                      <NotificationRow item={item} onOpen={close} />
                    </li>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            )}
            <Divider />
            <Group justify="space-between" px={4} wrap="wrap" gap="xs">
              <Anchor component={Link} to={NOTIFICATIONS_URL} size="sm" onClick={close}>
                {t("notifications.bell.showAll")}
              </Anchor>
              {unread > 0 ? (
                <fetcher.Form method="post" action={NOTIFICATIONS_URL}>
                  <input type="hidden" name="intent" value="readAll" />
                  <Button type="submit" variant="subtle" size="compact-sm">
                    {t("notifications.markAllRead")}
                  </Button>
                </fetcher.Form>
              ) : null}
            </Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </>
  );
}
