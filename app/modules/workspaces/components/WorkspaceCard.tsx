import { Link } from "@remix-run/react";
import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import { useT } from "~/utils/i18n-react";
import { WorkspaceAvatar } from "./WorkspaceIcon";
import { AdminAccessBadge, WorkspaceRoleBadge } from "./WorkspaceRoleBadge";

export type WorkspaceCardData = {
  id: string;
  name: string;
  description: string;
  color: string;
  icon: string;
  archivedAt: string | Date | null;
  owningInstitution: { shortName: string; name: string };
  institutions: { shortName: string }[];
  counts: { institutions: number; people: number; documents: number };
  myRole: WorkspaceRole | null;
};

/** One workspace in a list: the whole card is reachable through its title link. */
export function WorkspaceCard({ workspace: ws, compact = false }: { workspace: WorkspaceCardData; compact?: boolean }) {
  const t = useT();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`ws-${ws.id}`}>
      <Stack gap="xs" h="100%">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <WorkspaceAvatar color={ws.color} icon={ws.icon} />
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Anchor component={Link} to={`/przestrzenie/${ws.id}`} fw={600} id={`ws-${ws.id}`} lineClamp={2}>
              {ws.name}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t("workspaces.card.owner", { shortName: ws.owningInstitution.shortName })}
            </Text>
          </Stack>
        </Group>
        <Group gap={6}>
          {ws.myRole ? <WorkspaceRoleBadge role={ws.myRole} mine /> : <AdminAccessBadge />}
          {ws.archivedAt ? (
            <Badge color="orange" variant="light" size="sm">
              {t("workspaces.archivedBadge")}
            </Badge>
          ) : null}
        </Group>
        {!compact && ws.description ? (
          <Text size="sm" c="dimmed" lineClamp={3}>
            {ws.description}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed" mt="auto">
          {ws.institutions.length > 0
            ? t("workspaces.card.institutions", { list: ws.institutions.map((i) => i.shortName).join(", ") })
            : t("workspaces.card.noInstitutions")}
        </Text>
        <Group gap="md">
          <Text size="xs" c="dimmed">
            {t("workspaces.card.people", { count: ws.counts.people })}
          </Text>
          <Text size="xs" c="dimmed">
            {t("workspaces.card.documents", { count: ws.counts.documents })}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
