import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Anchor, Button, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { IconBooks } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { ActivityList } from "~/modules/workspaces/components/ActivityList";
import { MembersSummary } from "~/modules/workspaces/components/MembersSummary";
import { libraryHref, RecentDocuments } from "~/modules/workspaces/components/RecentDocuments";
import { useWorkspace, workspaceTitle } from "~/modules/workspaces/components/useWorkspace";
import { getWorkspaceOverview } from "~/modules/workspaces/workspaces.server";
import { formatDate } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";

export const meta: MetaFunction = ({ matches }) => [{ title: workspaceTitle(matches, "Przegląd") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const o = await getWorkspaceOverview(user, params.workspaceId ?? "");
  return {
    description: o.workspace.description,
    createdAt: o.createdAt,
    createdBy: o.createdBy.name,
    owningInstitution: o.owningInstitution,
    members: o.members,
    documents: o.documents,
    activity: o.activity,
  };
}

export default function WorkspaceOverview() {
  const { description, createdAt, createdBy, owningInstitution, members, documents, activity } = useLoaderData<typeof loader>();
  const { workspace, can } = useWorkspace();
  const t = useT();
  const locale = useLocale();
  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="ws-about">
            <Title order={2} fz="h4" id="ws-about" mb="xs">
              {t("workspaces.overview.about")}
            </Title>
            {description ? (
              <Text style={{ whiteSpace: "pre-line" }}>{description}</Text>
            ) : (
              <Text c="dimmed">{t(can.updateSettings ? "workspaces.overview.noDescriptionOwner" : "workspaces.overview.noDescription")}</Text>
            )}
            <Text size="sm" c="dimmed" mt="sm">
              {t("workspaces.overview.owner", { shortName: owningInstitution.shortName, name: owningInstitution.name })}
            </Text>
            <Text size="sm" c="dimmed">
              {t("workspaces.overview.created", { date: formatDate(createdAt, locale), name: createdBy })}
            </Text>
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="ws-documents">
            <Group justify="space-between" mb="sm" wrap="wrap">
              <Title order={2} fz="h4" id="ws-documents">
                {t("workspaces.overview.documents")}
              </Title>
              <Button component={Link} to={libraryHref(workspace.id)} variant="light" size="xs" leftSection={<IconBooks size={16} aria-hidden />}>
                {t("workspaces.overview.openLibrary")}
              </Button>
            </Group>
            {documents.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t(can.addContent ? "workspaces.overview.documentsEmptyAdd" : "workspaces.overview.documentsEmpty")}
              </Text>
            ) : (
              <RecentDocuments documents={documents} workspaceId={workspace.id} />
            )}
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="ws-activity">
            <Title order={2} fz="h4" id="ws-activity" mb="sm">
              {t("workspaces.overview.activity")}
            </Title>
            {activity.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t("workspaces.overview.activityEmpty")}
              </Text>
            ) : (
              <ActivityList items={activity} />
            )}
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Card withBorder padding="lg" component="section" aria-labelledby="ws-members">
          <Group justify="space-between" mb="sm" wrap="wrap">
            <Title order={2} fz="h4" id="ws-members">
              {t("workspaces.overview.members")}
            </Title>
            <Anchor component={Link} to={`/przestrzenie/${workspace.id}/czlonkowie`} size="sm">
              {t(can.manageMembers ? "workspaces.overview.manageMembers" : "workspaces.overview.allMembers")}
            </Anchor>
          </Group>
          <MembersSummary members={members} />
        </Card>
      </Grid.Col>
    </Grid>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
