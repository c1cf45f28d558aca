import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { listInstitutionsWithCounts } from "~/modules/institutions/institutions.server";
import { formatLongDay } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";

export const meta: MetaFunction = () => [{ title: "Pulpit — Razem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const institutions = await listInstitutionsWithCounts();
  return {
    user: { name: user.name, isAdmin: user.isAdmin, role: user.institutionRole, institutionId: user.institutionId },
    institutions,
    now: new Date().toISOString(),
  };
}

export default function Dashboard() {
  const { user, institutions, now } = useLoaderData<typeof loader>();
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

export function ErrorBoundary() {
  return <ErrorPage />;
}
