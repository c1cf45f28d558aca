import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Anchor, Button, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { IconFileText, IconLayoutKanban, IconListCheck } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { RichTextView } from "~/components/RichTextField";
import { requireUser } from "~/modules/auth/session.server";
import { libraryUrls } from "~/modules/library/library-urls";
import { teamUrls } from "~/modules/tasks/task-urls";
import { LifecycleActions } from "~/modules/teams/components/LifecycleActions";
import { MembersByInstitution } from "~/modules/teams/components/MembersByInstitution";
import { ProgressSection } from "~/modules/teams/components/ProgressSection";
import { TeamKindText, TeamStatusBadge, TermRange, TermStatus } from "~/modules/teams/components/TeamBadges";
import { teamTitle } from "~/modules/teams/components/useTeam";
import { isClosedTeam } from "~/modules/teams/team.policy";
import { teamStatusSchema } from "~/modules/teams/teams.schema";
import { changeTeamStatus, getTeamOverview, lifecycleMessage } from "~/modules/teams/teams.server";
import { requireTeam } from "~/modules/teams/access.server";
import { formatDate } from "~/utils/dates";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useLocale, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => [{ title: teamTitle(matches, "Przegląd") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const now = new Date();
  const o = await getTeamOverview(user, params.teamId ?? "", now);
  return {
    team: { ...o.team, ...o.details, createdBy: o.details.createdBy.name, closedBy: o.details.closedBy?.name ?? null },
    can: o.can,
    workspace: o.workspace,
    outcomeDocument: o.outcomeDocument,
    documentOptions: o.documentOptions,
    members: o.members,
    progress: o.progress,
    now: now.toISOString(),
  };
}

/** Lifecycle moves: Planowany → Aktywny → Zakończony (with the report) | Rozwiązany, and reopening. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const teamId = params.teamId ?? "";
  const values = formToObject(await request.formData());
  if (values.intent !== "status") {
    await requireTeam(user, teamId, "view", meta.ip);
    return data({ status: values.status, errors: { _form: "validation.invalid" } as Record<string, string | undefined>, values }, { status: 400 });
  }
  const parsed = teamStatusSchema.safeParse(values);
  if (!parsed.success) {
    // Authorise before answering with field errors: outsiders get 404, members without the right 403.
    await requireTeam(user, teamId, "changeStatus", meta.ip);
    return data({ status: values.status, errors: fieldErrors(parsed.error), values }, { status: 400 });
  }
  const result = await changeTeamStatus(user, teamId, parsed.data, meta);
  if (!result.ok) return data({ status: values.status, errors: result.errors, values }, { status: result.status });
  return redirectWithToast(teamUrls.team(teamId), { key: `teams.lifecycle.toast.${lifecycleMessage(result.value.from, result.value.status)}`, vars: { name: result.value.name } });
}

export default function TeamOverview() {
  const { team, can, workspace, outcomeDocument, documentOptions, members, progress, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const closed = isClosedTeam(team.status);
  const today = new Date(now);
  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="lg">
          {closed ? (
            <Card withBorder padding="lg" component="section" aria-labelledby="team-report">
              <Title order={2} fz="h4" id="team-report" mb="xs">
                {t(team.status === "DONE" ? "teams.report.title" : "teams.report.dissolvedTitle")}
              </Title>
              {team.outcome ? (
                <Text style={{ whiteSpace: "pre-line" }}>{team.outcome}</Text>
              ) : (
                <Text c="dimmed">{t("teams.report.noReason")}</Text>
              )}
              {outcomeDocument ? (
                <Anchor component={Link} to={libraryUrls.file(outcomeDocument.workspaceId, outcomeDocument.id)} mt="sm" display="inline-block">
                  <Group gap={4} component="span">
                    <IconFileText size={16} aria-hidden />
                    {t("teams.report.document", { name: outcomeDocument.name })}
                  </Group>
                </Anchor>
              ) : null}
              {team.closedAt ? (
                <Text size="sm" c="dimmed" mt="sm">
                  {t("teams.report.closed", { date: formatDate(team.closedAt, locale), name: team.closedBy ?? "—" })}
                </Text>
              ) : null}
            </Card>
          ) : null}
          <Card withBorder padding="lg" component="section" aria-labelledby="team-mandate">
            <Title order={2} fz="h4" id="team-mandate" mb="xs">
              {t("teams.overview.mandate")}
            </Title>
            {team.mandate ? <RichTextView html={team.mandate} /> : <Text c="dimmed">{t("teams.overview.noMandate")}</Text>}
            <Text size="sm" c="dimmed" mt="sm">
              {t("teams.overview.created", { date: formatDate(team.createdAt, locale), name: team.createdBy })}
            </Text>
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="team-progress">
            <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
              <Title order={2} fz="h4" id="team-progress">
                {t("teams.overview.progress")}
              </Title>
              <Group gap="xs">
                <Button component={Link} to={teamUrls.board(team.id)} variant="light" size="xs" leftSection={<IconLayoutKanban size={16} aria-hidden />}>
                  {t("teams.overview.openBoard")}
                </Button>
                <Button component={Link} to={teamUrls.tasks(team.id)} variant="light" size="xs" leftSection={<IconListCheck size={16} aria-hidden />}>
                  {t("teams.overview.openTasks")}
                </Button>
              </Group>
            </Group>
            <ProgressSection total={progress.total} done={progress.done} overdue={progress.overdue} closed={closed} chart={progress.chart} />
            {progress.total === 0 && can.createTask ? (
              <Button component={Link} to={teamUrls.newTask(team.id)} variant="subtle" size="xs" mt="xs">
                {t("teams.overview.addFirstTask")}
              </Button>
            ) : null}
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="team-about">
            <Title order={2} fz="h4" id="team-about" mb="xs">
              {t("teams.overview.about")}
            </Title>
            <Stack gap={8}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {t("teams.overview.status")}
                </Text>
                <TeamStatusBadge status={team.status} />
              </Group>
              <Text size="sm">
                <Text span fw={600}>
                  {t("teams.overview.kind")}{" "}
                </Text>
                <TeamKindText kind={team.kind} cadence={team.cadence} />
              </Text>
              <div>
                <Text size="sm">
                  <Text span fw={600}>
                    {t("teams.overview.term")}{" "}
                  </Text>
                  <TermRange termStart={team.termStart} termEnd={team.termEnd} />
                </Text>
                <TermStatus termStart={team.termStart} termEnd={team.termEnd} closed={closed} now={today} />
              </div>
              <Text size="sm">
                <Text span fw={600}>
                  {t("teams.overview.workspace")}{" "}
                </Text>
                {workspace ? (
                  <Anchor component={Link} to={`/przestrzenie/${workspace.id}`} size="sm">
                    {workspace.name}
                  </Anchor>
                ) : team.workspaceId ? (
                  t("teams.overview.workspaceHidden")
                ) : (
                  t("teams.overview.noWorkspace")
                )}
              </Text>
            </Stack>
            {can.changeStatus ? (
              <Stack gap={6} mt="md">
                <Text size="sm" fw={600}>
                  {t("teams.lifecycle.title")}
                </Text>
                <LifecycleActions
                  key={JSON.stringify(actionData ?? null)}
                  status={team.status}
                  canChange={can.changeStatus}
                  documents={documentOptions}
                  hasWorkspace={!!team.workspaceId}
                  outcome={team.outcome}
                  result={actionData ?? undefined}
                />
              </Stack>
            ) : null}
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="team-members">
            <Title order={2} fz="h4" id="team-members" mb="sm">
              {t("teams.overview.members")}
            </Title>
            <MembersByInstitution members={members} />
          </Card>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
