import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { Group, Stack, Tabs, Title } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { loadTeamAccess } from "~/modules/teams/access.server";
import { allowedTeamActions } from "~/modules/teams/team.policy";
import { teamUrls } from "~/modules/tasks/task-urls";
import { useT } from "~/utils/i18n-react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.team.name} — Razem` : "Razem" }];

/** Frame of one team: 404 for anyone who may not see it. Child routes check access again. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { team, access } = await loadTeamAccess(user, params.teamId ?? "");
  return { team, access, can: allowedTeamActions(user, access) };
}

export default function TeamLayout() {
  const { team } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{team.name}</Title>
      </Group>
      <Tabs component="nav" aria-label={t("teams.title")} value={null} variant="outline">
        <Tabs.List>
          <Tabs.Tab value="overview" renderRoot={(props) => <NavLink {...props} to={teamUrls.team(team.id)} end />}>
            {t("teams.title")}
          </Tabs.Tab>
          <Tabs.Tab value="board" renderRoot={(props) => <NavLink {...props} to={teamUrls.board(team.id)} />}>
            {t("taskViews.title")}
          </Tabs.Tab>
          <Tabs.Tab value="tasks" renderRoot={(props) => <NavLink {...props} to={teamUrls.tasks(team.id)} />}>
            {t("tasks.title")}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Outlet />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
