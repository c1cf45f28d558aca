import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, Checkbox, Group, NativeSelect, TextInput } from "@mantine/core";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { searchParamsOf } from "~/modules/admin/pagination";
import { requireUser } from "~/modules/auth/session.server";
import { teamUrls } from "~/modules/tasks/task-urls";
import { TeamsTable } from "~/modules/teams/components/TeamsTable";
import { canCreateTeam } from "~/modules/teams/team.policy";
import { TEAM_KINDS, TEAM_LIST_STATUSES, teamQuerySchema, type TeamListStatus } from "~/modules/teams/teams.schema";
import { canSeeTeamTrash, listTeams, restoreTeam } from "~/modules/teams/teams.server";
import type { MessageKey } from "~/locales";
import { formToObject } from "~/utils/forms";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Zespoły wykonawcze — Razem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = teamQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const canTrash = canSeeTeamTrash(user);
  // The trash is only for those who can remove teams; anyone else asking for it gets the default view.
  const query = parsed.status === "trash" && !canTrash ? { ...parsed, status: "open" as const } : parsed;
  const now = new Date();
  const { items, page } = await listTeams(user, query, now);
  return {
    q: query.q,
    status: query.status,
    kind: query.kind ?? null,
    mine: query.mine,
    page,
    items,
    now: now.toISOString(),
    canCreate: canCreateTeam(user),
    canTrash,
  };
}

/** Restoring a team from the trash (administrators and its coordinators; 404 for anyone else). */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const values = formToObject(await request.formData());
  if (values.intent !== "restore" || !values.teamId) return data({ error: "validation.invalid" }, { status: 400 });
  const { name } = await restoreTeam(user, values.teamId, meta);
  return redirectWithToast(teamUrls.team(values.teamId), { key: "teams.trash.restored", vars: { name } });
}

function listHref(params: URLSearchParams) {
  const qs = params.toString();
  return qs ? `${teamUrls.list()}?${qs}` : teamUrls.list();
}

const STATUS_LABEL: Record<TeamListStatus, MessageKey> = {
  open: "teams.filter.open",
  PLANNED: "teams.filter.PLANNED",
  ACTIVE: "teams.filter.ACTIVE",
  DONE: "teams.filter.DONE",
  DISSOLVED: "teams.filter.DISSOLVED",
  all: "teams.filter.all",
  trash: "teams.filter.trash",
};

export default function TeamsList() {
  const { q, status, kind, mine, page, items, now, canCreate, canTrash } = useLoaderData<typeof loader>();
  const t = useT();
  const filtered = !!(q || kind || mine);
  const newButton = canCreate ? (
    <Button component={Link} to={teamUrls.create()} leftSection={<IconPlus size={16} aria-hidden />}>
      {t("teams.new")}
    </Button>
  ) : null;
  const emptyText: string = filtered
    ? t("teams.empty.filtered")
    : status === "trash"
      ? t("teams.empty.trash")
      : status === "open" || status === "all"
        ? t(canCreate ? "teams.empty.create" : "teams.empty.ask")
        : t("teams.empty.status", { status: t(STATUS_LABEL[status]) });
  const statuses = TEAM_LIST_STATUSES.filter((s) => s !== "trash" || canTrash);
  return (
    <AdminPage title={t("teams.title")} intro={t("teams.intro")} actions={newButton}>
      <Group component="nav" aria-label={t("teams.filter.label")} gap={4} wrap="wrap">
        {statuses.map((s) => (
          <Button
            key={s}
            component={Link}
            to={listHref(searchParamsOf({ q, kind, mine: mine ? "1" : null, status: s === "open" ? null : s }))}
            variant={s === status ? "light" : "subtle"}
            color={s === status ? undefined : "gray"}
            fw={s === status ? 700 : 500}
            aria-current={s === status ? "page" : undefined}
            size="sm"
          >
            {t(STATUS_LABEL[s])}
          </Button>
        ))}
      </Group>
      <Form method="get" role="search" aria-label={t("teams.filter.formLabel")}>
        {status !== "open" ? <input type="hidden" name="status" value={status} /> : null}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            name="q"
            label={t("teams.filter.search")}
            placeholder={t("teams.filter.searchPlaceholder")}
            defaultValue={q}
            leftSection={<IconSearch size={16} aria-hidden />}
            w={{ base: "100%", sm: 260 }}
          />
          <NativeSelect
            name="kind"
            label={t("teams.filter.kind")}
            defaultValue={kind ?? ""}
            data={[{ value: "", label: t("teams.filter.anyKind") }, ...TEAM_KINDS.map((k) => ({ value: k, label: t(`teams.kind.${k}`) }))]}
            w={{ base: "100%", sm: 200 }}
          />
          <Checkbox name="mine" value="1" defaultChecked={mine} label={t("teams.filter.mine")} mb={8} />
          <Button type="submit" variant="light">
            {t("admin.list.filter")}
          </Button>
          {filtered ? (
            <Button component={Link} to={listHref(searchParamsOf({ status: status === "open" ? null : status }))} variant="subtle">
              {t("admin.list.clear")}
            </Button>
          ) : null}
        </Group>
      </Form>
      {items.length === 0 ? (
        <EmptyState text={emptyText} action={!filtered && (status === "open" || status === "all") ? newButton : null} />
      ) : (
        <TeamsTable rows={items} now={new Date(now)} trash={status === "trash"} />
      )}
      <ListPagination page={page} />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
