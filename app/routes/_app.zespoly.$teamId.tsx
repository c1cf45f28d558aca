import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconLock } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import type { MessageKey } from "~/locales";
import { requireUser } from "~/modules/auth/session.server";
import { recurrenceRights, recurrencesUrl } from "~/modules/tasks/recurrence.schema";
import { teamUrls } from "~/modules/tasks/task-urls";
import { loadTeamAccess } from "~/modules/teams/access.server";
import { TeamKindText, TeamStatusBadge } from "~/modules/teams/components/TeamBadges";
import { allowedTeamActions, canTrashTeam, isClosedTeam } from "~/modules/teams/team.policy";
import { useT } from "~/utils/i18n-react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.team.name} — Razem` : "Razem" }];

/** Frame of one team: 404 for anyone who may not see it. Child routes check access again. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { team, access } = await loadTeamAccess(user, params.teamId ?? "");
  const can = allowedTeamActions(user, access);
  const canTrash = canTrashTeam(user, access);
  return {
    team,
    access,
    can,
    canTrash,
    /** The settings page has something for this person: the form, the members, or the trash. */
    canSettings: can.updateTeam || can.manageMembers || canTrash,
    adminAccess: user.isAdmin && access.role === null && !access.coordinator,
    /** Periodic teams: the people who create tasks manage the recurring ones (read-only when closed). */
    canRecurrences: recurrenceRights(user, team.kind, access).view,
  };
}

/** How the reader stands in the team, in words (a coordinator or administrator may not be a member). */
function standingKey(access: { role: "LEAD" | "MEMBER" | null; coordinator: boolean }, adminAccess: boolean): MessageKey | null {
  if (access.role) return `teams.standing.${access.role}`;
  if (access.coordinator) return "teams.standing.coordinator";
  return adminAccess ? "teams.standing.admin" : null;
}

export default function TeamLayout() {
  const { team, access, can, canSettings, adminAccess, canRecurrences } = useLoaderData<typeof loader>();
  const t = useT();
  const closed = isClosedTeam(team.status);
  const standing = standingKey(access, adminAccess);
  const tabs: { to: string; label: MessageKey; end?: boolean }[] = [
    { to: teamUrls.team(team.id), label: "teams.tabs.overview", end: true },
    { to: teamUrls.board(team.id), label: "teams.tabs.board" },
    { to: teamUrls.tasks(team.id), label: "teams.tabs.tasks" },
    ...(canRecurrences ? [{ to: recurrencesUrl(team.id), label: "recurrences.tab" as const }] : []),
    ...(canSettings ? [{ to: teamUrls.settings(team.id), label: "teams.tabs.settings" as const }] : []),
  ];
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Anchor component={Link} to={teamUrls.list()} size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {t("teams.backToList")}
          </Group>
        </Anchor>
        <Stack gap={4}>
          <Title order={1} fz="h2">
            {team.name}
          </Title>
          <Group gap={8} wrap="wrap">
            <TeamStatusBadge status={team.status} />
            <Text size="sm" c="dimmed">
              <TeamKindText kind={team.kind} cadence={null} />
            </Text>
            {standing ? (
              <Badge variant="outline" color="gray" size="sm">
                {t(standing)}
              </Badge>
            ) : null}
          </Group>
        </Stack>
        {closed ? (
          <Alert color={team.status === "DONE" ? "blue" : "orange"} variant="light" icon={<IconLock aria-hidden />} title={t(team.status === "DONE" ? "teams.closedBanner.title.DONE" : "teams.closedBanner.title.DISSOLVED")}>
            {t(can.changeStatus ? "teams.closedBanner.textReopen" : "teams.closedBanner.text")}
          </Alert>
        ) : null}
        <Group component="nav" aria-label={t("teams.tabs.label")} gap={4} wrap="wrap">
          {tabs.map((tab) => (
            <NavLink key={tab.to} to={tab.to} end={tab.end} prefetch="intent" style={{ textDecoration: "none" }}>
              {({ isActive }) => (
                <Button component="span" variant={isActive ? "light" : "subtle"} color={isActive ? undefined : "gray"} size="sm" fw={isActive ? 700 : 500}>
                  {t(tab.label)}
                </Button>
              )}
            </NavLink>
          ))}
        </Group>
      </Stack>
      <Outlet />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
