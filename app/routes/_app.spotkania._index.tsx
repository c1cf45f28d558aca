import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Alert, Button, Group, NativeSelect } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import type { MessageKey } from "~/locales";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { searchParamsOf } from "~/modules/admin/pagination";
import { requireUser } from "~/modules/auth/session.server";
import { MeetingListTable } from "~/modules/meetings/components/MeetingListTable";
import { MeetingsViewSwitch } from "~/modules/meetings/components/MeetingsViewSwitch";
import { LIST_SCOPES, listQuerySchema, MEETING_KINDS } from "~/modules/meetings/meetings.schema";
import { listMeetings } from "~/modules/meetings/meetings.server";
import { useT } from "~/utils/i18n-react";

export const meta: MetaFunction = () => [{ title: "Spotkania — Razem" }];

/**
 * Meetings the user may see (?zakres=nadchodzace|minione|wszystkie|kosz, ?rodzaj=KIND, ?page=N).
 * The trash lists only meetings the user organises; bad parameters fall back to the defaults.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = listQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { items, page, canCreate } = await listMeetings(user, query, new Date());
  return { zakres: query.zakres, rodzaj: query.rodzaj ?? null, page, items, canCreate };
}

function listHref(params: URLSearchParams) {
  const qs = params.toString();
  return qs ? `/spotkania?${qs}` : "/spotkania";
}

export default function MeetingsList() {
  const { zakres, rodzaj, page, items, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  const newButton = canCreate ? (
    <Button component={Link} to="/spotkania/nowe" leftSection={<IconPlus size={16} aria-hidden />}>
      {t("meetings.new")}
    </Button>
  ) : null;
  // The trash is for organisers; others would only ever see it empty.
  const scopes = LIST_SCOPES.filter((s) => s !== "kosz" || canCreate || zakres === "kosz");
  const scopeLabel = (s: (typeof LIST_SCOPES)[number]) => t(`meetings.scope.${s}` as MessageKey);
  const emptyText = rodzaj
    ? t("meetingViews.empty.filtered")
    : zakres === "nadchodzace"
      ? t(canCreate ? "meetingViews.empty.nadchodzace" : "meetingViews.empty.nadchodzaceAsk")
      : zakres === "wszystkie"
        ? t(canCreate ? "meetingViews.empty.wszystkie" : "meetingViews.empty.wszystkieAsk")
        : t(zakres === "kosz" ? "meetingViews.empty.kosz" : "meetingViews.empty.minione");
  return (
    <AdminPage title={t("meetingViews.list.title")} intro={t("meetingViews.list.intro")} actions={newButton}>
      <MeetingsViewSwitch current="list" />
      <Group component="nav" aria-label={t("meetings.scope.label")} gap={4} wrap="wrap">
        {scopes.map((s) => (
          <Button
            key={s}
            component={Link}
            to={listHref(searchParamsOf({ zakres: s === "nadchodzace" ? null : s, rodzaj }))}
            variant={s === zakres ? "light" : "subtle"}
            color={s === zakres ? undefined : "gray"}
            fw={s === zakres ? 700 : 500}
            aria-current={s === zakres ? "page" : undefined}
            size="sm"
          >
            {scopeLabel(s)}
          </Button>
        ))}
      </Group>
      <Form method="get" role="search" aria-label={t("meetingViews.list.kindFilter")}>
        {zakres !== "nadchodzace" ? <input type="hidden" name="zakres" value={zakres} /> : null}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            name="rodzaj"
            label={t("meetings.filter.kind")}
            defaultValue={rodzaj ?? ""}
            data={[{ value: "", label: t("meetings.kind.all") }, ...MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}` as MessageKey) }))]}
            w={{ base: "100%", sm: 260 }}
          />
          <Button type="submit" variant="light">
            {t("meetings.filter.apply")}
          </Button>
          {rodzaj ? (
            <Button component={Link} to={listHref(searchParamsOf({ zakres: zakres === "nadchodzace" ? null : zakres }))} variant="subtle">
              {t("admin.list.clear")}
            </Button>
          ) : null}
        </Group>
      </Form>
      {zakres === "kosz" && items.length > 0 ? (
        <Alert variant="light" color="gray">
          {t("meetingViews.list.trashHint")}
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <EmptyState text={emptyText} action={!rodzaj && zakres !== "kosz" && zakres !== "minione" ? newButton : null} />
      ) : (
        <MeetingListTable rows={items} caption={t("meetingViews.list.caption", { scope: scopeLabel(zakres) })} />
      )}
      <ListPagination page={page} />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
