import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconFileTypeCsv, IconPlus, IconTrash } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { requireUser } from "~/modules/auth/session.server";
import { TaskListFilters } from "~/modules/tasks/components/TaskListFilters";
import { TaskTable } from "~/modules/tasks/components/TaskTable";
import { isOverdue } from "~/modules/tasks/deadline";
import { hasTaskFilters, parseTaskListQuery, taskListParams } from "~/modules/tasks/task-list";
import { listTeamTasks, taskFilterOptions } from "~/modules/tasks/task-list.server";
import { teamUrls } from "~/modules/tasks/task-urls";
import { requireTeam } from "~/modules/teams/access.server";
import { allowedTeamActions } from "~/modules/teams/team.policy";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Zadania — ${data.team.name} — Razem` : "Razem" }];

/**
 * The team's tasks, filtered and sorted by URL parameters (bad values are ignored), 50 a page.
 * A fixed number of SQL statements whatever the number of tasks.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { team, access } = await requireTeam(user, params.teamId ?? "", "view", requestMeta(request, context).ip);
  const query = parseTaskListQuery(new URL(request.url).searchParams);
  const now = new Date();
  const [{ rows, page }, options] = await Promise.all([listTeamTasks(team.id, query, now), taskFilterOptions(team.id)]);
  return {
    team: { id: team.id, name: team.name },
    query,
    filtered: hasTaskFilters(query),
    rows: rows.map((r) => ({ ...r, overdue: isOverdue(r, now) })),
    page,
    members: options.members.map((m) => ({ id: m.id, name: m.name })),
    labels: options.labels,
    can: allowedTeamActions(user, access),
  };
}

export default function TeamTasks() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const location = useLocation();
  const { team, can } = data;
  const csvParams = taskListParams({ ...data.query, page: 1 }).toString();
  const newButton = can.createTask ? (
    <Button component={Link} to={teamUrls.newTask(team.id)} leftSection={<IconPlus size={16} aria-hidden />}>
      {t("tasks.new")}
    </Button>
  ) : null;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: "1 1 320px" }}>
          <Title order={2}>{t("tasks.title")}</Title>
          <Text c="dimmed">{t("tasks.intro")}</Text>
        </Stack>
        <Group gap="xs">
          {newButton}
          <Button
            component="a"
            href={`${teamUrls.tasksCsv(team.id)}${csvParams ? `?${csvParams}` : ""}`}
            download
            variant="default"
            leftSection={<IconFileTypeCsv size={16} aria-hidden />}
            title={t("tasks.list.csvHint")}
          >
            {t("tasks.list.csv")}
          </Button>
          <Button component={Link} to={teamUrls.trash(team.id)} variant="subtle" leftSection={<IconTrash size={16} aria-hidden />}>
            {t("tasks.list.trash")}
          </Button>
        </Group>
      </Group>
      <TaskListFilters key={location.search} query={data.query} members={data.members} labels={data.labels} filtered={data.filtered} />
      {data.rows.length === 0 ? (
        <EmptyState
          text={data.filtered ? t("tasks.list.emptyFiltered") : t(can.createTask ? "tasks.list.emptyCreate" : "tasks.list.emptyWait")}
          action={data.filtered ? null : newButton}
        />
      ) : (
        <TaskTable teamId={team.id} teamName={team.name} rows={data.rows} />
      )}
      <ListPagination page={data.page} />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
