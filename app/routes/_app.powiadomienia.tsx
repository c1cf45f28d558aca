import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import { IconChecks } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { requireUser } from "~/modules/auth/session.server";
import { NotificationRow } from "~/modules/notifications/components/NotificationRow";
import { NOTIFICATIONS_URL } from "~/modules/notifications/notification-text";
import { notificationsActionSchema, notificationsQuerySchema } from "~/modules/notifications/notifications.schema";
import { listNotifications, markAllNotificationsRead } from "~/modules/notifications/notifications.server";
import { formatNumber } from "~/utils/dates";
import { formToObject } from "~/utils/forms";
import { useLocale, useT } from "~/utils/i18n-react";
import { toastHeader } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Powiadomienia — Razem" }];

/** My notifications only (the query is scoped to me), 25 a page, all or unread. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = notificationsQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const unreadOnly = query.pokaz === "nieprzeczytane";
  const { items, page, unread } = await listNotifications(user.id, { unreadOnly, page: query.page });
  return { items, page, unread, unreadOnly };
}

/** "Mark all as read" — from this page and from the bell's popover. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = notificationsActionSchema.safeParse(formToObject(await request.formData()));
  if (!parsed.success) return data({ ok: false, marked: 0 }, { status: 400 });
  const marked = await markAllNotificationsRead(user.id);
  return data({ ok: true, marked }, { headers: { "Set-Cookie": await toastHeader({ key: "notifications.markedAllRead" }) } });
}

export default function NotificationsPage() {
  const { items, page, unread, unreadOnly } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const filters = [
    { value: false, label: t("notifications.filter.all"), to: NOTIFICATIONS_URL },
    { value: true, label: t("notifications.filter.unread"), to: `${NOTIFICATIONS_URL}?pokaz=nieprzeczytane` },
  ];
  return (
    <AdminPage
      title={t("notifications.title")}
      intro={t("notifications.intro")}
      maw={800}
      actions={
        unread > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="readAll" />
            <Button type="submit" variant="default" leftSection={<IconChecks size={16} aria-hidden />}>
              {t("notifications.markAllRead")}
            </Button>
          </Form>
        ) : null
      }
    >
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs" component="nav" aria-label={t("notifications.filter.label")}>
          {filters.map((f) => (
            <Button
              key={String(f.value)}
              component={Link}
              to={f.to}
              size="xs"
              variant={f.value === unreadOnly ? "filled" : "default"}
              aria-current={f.value === unreadOnly ? "page" : undefined}
            >
              {f.label}
            </Button>
          ))}
        </Group>
        <Text size="sm" c="dimmed">
          {t("notifications.unreadCount", { count: formatNumber(unread, locale) })}
        </Text>
      </Group>
      {items.length === 0 ? (
        <EmptyState text={unreadOnly ? t("notifications.emptyUnread") : t("notifications.empty")} />
      ) : (
        <Paper withBorder p="xs">
          <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: "none" }}>
            {items.map((item) => (
              <li key={item.id}>
                <NotificationRow item={item} />
              </li>
            ))}
          </Stack>
        </Paper>
      )}
      <ListPagination page={page} />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
