import { Form } from "@remix-run/react";
import { Badge, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { formatDateTime } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { markReadUrl, notificationTitle } from "../notification-text";

export type NotificationView = {
  id: string;
  kind: string;
  title: string;
  data: Record<string, string | number>;
  url: string;
  read: boolean;
  createdAt: string | Date;
};

/**
 * One notification: a button that marks it read and goes where it points (POST, then a redirect,
 * so it also works without JavaScript). Unread ones say "Nowe" and are bold — not colour alone.
 */
export function NotificationRow({ item, onOpen }: { item: NotificationView; onOpen?: () => void }) {
  const t = useT();
  const locale = useLocale();
  const created = new Date(item.createdAt);
  return (
    <Form method="post" action={markReadUrl(item.id)} onSubmit={onOpen}>
      <UnstyledButton
        type="submit"
        w="100%"
        p="xs"
        style={{ borderRadius: "var(--mantine-radius-sm)", background: item.read ? undefined : "var(--mantine-color-default-hover)" }}
      >
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            {item.read ? null : (
              <Badge size="xs" variant="light" style={{ flexShrink: 0, marginTop: 2 }}>
                {t("notifications.unread")}
              </Badge>
            )}
            <Text size="sm" fw={item.read ? 400 : 700} style={{ overflowWrap: "anywhere" }}>
              {notificationTitle(t, item)}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            <time dateTime={created.toISOString()}>{formatDateTime(created, locale)}</time>
          </Text>
        </Stack>
      </UnstyledButton>
    </Form>
  );
}
