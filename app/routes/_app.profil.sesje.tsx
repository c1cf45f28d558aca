import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { DataTable } from "~/components/DataTable";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser, sessionIdFromRequest } from "~/modules/auth/session.server";
import { describeUserAgent, endMyOtherSessions, endMySession, listMySessions } from "~/modules/auth/sessions.server";
import { formatDateTime } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Aktywne sesje — Razem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessions = await listMySessions(user, sessionIdFromRequest(request) ?? "");
  return { sessions: sessions.map((s) => ({ ...s, device: describeUserAgent(s.userAgent) })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const meta = requestMeta(request, context);
  if (form.get("intent") === "endOthers") {
    await endMyOtherSessions(user, sessionIdFromRequest(request) ?? "", meta);
    return redirectWithToast("/profil/sesje", { key: "sessions.endedOthers" });
  }
  const ended = await endMySession(user, String(form.get("handle") ?? ""), meta);
  if (!ended) throw new Response("Not Found", { status: 404 });
  return redirectWithToast("/profil/sesje", { key: "sessions.ended" });
}

export default function Sessions() {
  const { sessions } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <Stack maw={900} gap="lg">
      <div>
        <Title order={1}>{t("sessions.title")}</Title>
        <Text c="dimmed">{t("sessions.intro")}</Text>
      </div>
      <DataTable caption={t("sessions.title")} minWidth={600} columns={[{ label: t("sessions.device") }, { label: t("sessions.ip") }, { label: t("sessions.started") }, { label: t("sessions.lastSeen") }, { label: t("sessions.end"), hidden: true }]}>
              {sessions.map((s) => (
                <Table.Tr key={s.handle}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm">{s.device ?? t("sessions.unknownDevice")}</Text>
                      {s.current ? <Badge size="sm">{t("sessions.current")}</Badge> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{s.ip ?? "—"}</Table.Td>
                  <Table.Td>{formatDateTime(s.createdAt, locale)}</Table.Td>
                  <Table.Td>{formatDateTime(s.lastSeenAt, locale)}</Table.Td>
                  <Table.Td>
                    {s.current ? null : (
                      <Form method="post">
                        <input type="hidden" name="handle" value={s.handle} />
                        <Button type="submit" size="xs" variant="light" color="red" aria-label={`${t("sessions.end")}: ${s.device ?? ""} ${s.ip ?? ""}`}>
                          {t("sessions.end")}
                        </Button>
                      </Form>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
      {sessions.length > 1 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="endOthers" />
          <Button type="submit" variant="outline" color="red">
            {t("sessions.endOthers")}
          </Button>
        </Form>
      ) : null}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
