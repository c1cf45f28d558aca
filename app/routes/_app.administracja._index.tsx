import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card, Group, SimpleGrid, Text, ThemeIcon, Title } from "@mantine/core";
import { IconBuildingCommunity, IconHistory, IconId, IconUsers } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { canAudit } from "~/modules/audit/audit.policy";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { canInstitution, canOpenAdministration } from "~/modules/institutions/institutions.policy";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { peopleScope } from "~/modules/people/people.server";
import type { MessageKey } from "~/locales";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Administracja — Razem" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await authorize(user, canOpenAdministration(user), { action: "admin.open", entityType: "Administration", ip: requestMeta(request, context).ip });
  const own = user.institutionId ? { id: user.institutionId } : null;
  return {
    institutions: canInstitution(user, "create", null),
    myInstitutionId: !user.isAdmin && own && canInstitution(user, "update", own) ? own.id : null,
    people: peopleScope(user) !== null,
    audit: canAudit(user, "browse"),
  };
}

type Tile = { to: string; title: MessageKey; text: MessageKey; icon: typeof IconUsers };

export default function AdministrationIndex() {
  const access = useLoaderData<typeof loader>();
  const t = useT();
  const tiles: Tile[] = [];
  if (access.institutions) tiles.push({ to: "/administracja/instytucje", title: "admin.card.institutions.title", text: "admin.card.institutions.text", icon: IconBuildingCommunity });
  if (access.myInstitutionId)
    tiles.push({ to: `/administracja/instytucje/${access.myInstitutionId}`, title: "admin.card.myInstitution.title", text: "admin.card.myInstitution.text", icon: IconId });
  if (access.people)
    tiles.push({
      to: "/administracja/osoby",
      title: "admin.card.people.title",
      text: access.institutions ? "admin.card.people.textAdmin" : "admin.card.people.textCoordinator",
      icon: IconUsers,
    });
  if (access.audit) tiles.push({ to: "/administracja/dziennik", title: "admin.card.audit.title", text: "admin.card.audit.text", icon: IconHistory });
  return (
    <AdminPage title={t("admin.title")} intro={t("admin.intro")}>
      {tiles.length === 0 ? <EmptyState text={t("admin.nothing")} /> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {tiles.map((tile) => (
          <li key={tile.to}>
            <Card withBorder padding="lg" component={Link} to={tile.to} h="100%">
              <Group gap="sm" mb="xs" wrap="nowrap">
                <ThemeIcon variant="light" size="lg" aria-hidden>
                  <tile.icon size={20} />
                </ThemeIcon>
                <Title order={2} fz="h4">
                  {t(tile.title)}
                </Title>
              </Group>
              <Text size="sm" c="dimmed">
                {t(tile.text)}
              </Text>
            </Card>
          </li>
        ))}
      </SimpleGrid>
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
