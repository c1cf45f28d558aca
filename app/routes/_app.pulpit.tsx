import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { listInstitutionsWithCounts } from "~/modules/institutions/institutions.server";
import { RecentDocuments } from "~/modules/workspaces/components/RecentDocuments";
import { WorkspaceCard, type WorkspaceCardData } from "~/modules/workspaces/components/WorkspaceCard";
import { canCreateWorkspace } from "~/modules/workspaces/workspaces.policy";
import { listMyWorkspaces, recentDocumentsFor } from "~/modules/workspaces/workspaces.server";
import { formatLongDay } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";

export const meta: MetaFunction = () => [{ title: "Pulpit — Razem" }];

const DASHBOARD_WORKSPACES = 6;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [institutions, workspaces, documents] = await Promise.all([
    listInstitutionsWithCounts(),
    listMyWorkspaces(user, { status: "active", q: "", page: 1 }, DASHBOARD_WORKSPACES),
    recentDocumentsFor(user, 8),
  ]);
  return {
    user: { name: user.name, isAdmin: user.isAdmin, role: user.institutionRole, institutionId: user.institutionId },
    institutions,
    workspaces: { items: workspaces.items, total: workspaces.page.total },
    documents,
    canCreateWorkspace: canCreateWorkspace(user),
    now: new Date().toISOString(),
  };
}

export default function Dashboard() {
  const { user, institutions, workspaces, documents, canCreateWorkspace, now } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const mine = institutions.find((i) => i.id === user.institutionId);
  const partners = institutions.filter((i) => i.id !== user.institutionId);
  const firstName = user.name.split(" ")[0];
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1}>{t("dashboard.greeting", { name: firstName })}</Title>
        <Text c="dimmed">{t("dashboard.today", { date: formatLongDay(now, locale) })}</Text>
      </div>
      <Card withBorder padding="lg" component="section" aria-labelledby="my-institution">
        <Title order={2} fz="h4" id="my-institution" mb="xs">
          {t("dashboard.yourInstitution")}
        </Title>
        {mine ? (
          <Stack gap={4}>
            <Group gap="xs">
              <Badge size="lg" variant="filled">
                {mine.shortName}
              </Badge>
              <Text fw={600}>{mine.name}</Text>
            </Group>
            <Group gap="xs">
              <Badge variant="light">{t(`role.${user.role}`)}</Badge>
              {user.isAdmin ? <Badge variant="light" color="grape">{t("dashboard.roleAdmin")}</Badge> : null}
            </Group>
            {mine.description ? <Text size="sm" c="dimmed">{mine.description}</Text> : null}
          </Stack>
        ) : (
          <Stack gap={4}>
            <Text c="dimmed">{t("dashboard.noInstitution")}</Text>
            {user.isAdmin ? <Badge variant="light" color="grape">{t("dashboard.roleAdmin")}</Badge> : null}
          </Stack>
        )}
      </Card>
      <MyWorkspaces workspaces={workspaces} canCreate={canCreateWorkspace} />
      <Card withBorder padding="lg" component="section" aria-labelledby="recent-documents">
        <Title order={2} fz="h4" id="recent-documents" mb="sm">
          {t("workspaces.dashboard.documents")}
        </Title>
        {documents.length > 0 ? (
          <RecentDocuments documents={documents} />
        ) : (
          <Text c="dimmed" size="sm">
            {t(workspaces.total > 0 ? "workspaces.dashboard.documentsEmpty" : "workspaces.dashboard.documentsNoWorkspaces")}
          </Text>
        )}
      </Card>
      <section aria-labelledby="partners">
        <Title order={2} fz="h4" id="partners" mb="sm">
          {t("dashboard.partners")}
        </Title>
        {institutions.length === 0 ? (
          <Text c="dimmed">{t("dashboard.partnersEmpty")}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {partners.map((inst) => (
              <Card key={inst.id} withBorder padding="md">
                <Group justify="space-between" mb={4} wrap="nowrap">
                  <Badge variant="light">{inst.shortName}</Badge>
                  <Text size="xs" c="dimmed">
                    {t("dashboard.people", { count: inst._count.users })}
                  </Text>
                </Group>
                <Text fw={600} size="sm">
                  {inst.name}
                </Text>
                {inst.description ? (
                  <Text size="sm" c="dimmed" lineClamp={3} mt={4}>
                    {inst.description}
                  </Text>
                ) : null}
                {inst.contactEmail ? (
                  <Anchor href={`mailto:${inst.contactEmail}`} size="sm" mt={4}>
                    {inst.contactEmail}
                  </Anchor>
                ) : null}
              </Card>
            ))}
          </SimpleGrid>
        )}
      </section>
    </Stack>
  );
}

type MyWorkspacesProps = {
  workspaces: { items: WorkspaceCardData[]; total: number };
  canCreate: boolean;
};

/** "My workspaces": the first few active ones, a link to all, or what to do when there are none. */
function MyWorkspaces({ workspaces, canCreate }: MyWorkspacesProps) {
  const t = useT();
  const newButton = canCreate ? (
    <Button component={Link} to="/przestrzenie/nowa" size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />}>
      {t("workspaces.new")}
    </Button>
  ) : null;
  return (
    <section aria-labelledby="my-workspaces">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4" id="my-workspaces">
          {t("workspaces.dashboard.title")}
        </Title>
        <Group gap="sm">
          {workspaces.total > 0 ? (
            <Anchor component={Link} to="/przestrzenie" size="sm">
              {t("workspaces.dashboard.all", { count: workspaces.total })}
            </Anchor>
          ) : null}
          {newButton}
        </Group>
      </Group>
      {workspaces.items.length === 0 ? (
        <Card withBorder padding="lg">
          <Text c="dimmed" size="sm">
            {t(canCreate ? "workspaces.empty.create" : "workspaces.empty.ask")}
          </Text>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {workspaces.items.map((ws) => (
            <WorkspaceCard key={ws.id} workspace={ws} compact />
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
