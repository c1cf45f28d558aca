import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useT } from "~/utils/i18n-react";
import type { InstitutionMemberRow, PersonMemberRow } from "./MembersTables";
import { WorkspaceRoleBadge } from "./WorkspaceRoleBadge";

const PEOPLE_SHOWN = 8;

/** Who is in the workspace, in short: institutions first (they bring everyone), then named people. */
export function MembersSummary({ members }: { members: { institutions: InstitutionMemberRow[]; people: PersonMemberRow[] } }) {
  const t = useT();
  const people = members.people.filter((p) => !p.user.deactivatedAt);
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Title order={3} fz="h6">
          {t("workspaces.overview.institutions")}
        </Title>
        {members.institutions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("workspaces.overview.noInstitutions")}
          </Text>
        ) : (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
            {members.institutions.map((row) => (
              <Group component="li" key={row.id} justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" title={row.institution.name}>
                  {row.institution.shortName}
                  {row.institution.deletedAt ? (
                    <Badge size="xs" color="red" variant="light" ml={6}>
                      {t("workspaces.members.deletedInstitution")}
                    </Badge>
                  ) : null}
                </Text>
                <WorkspaceRoleBadge role={row.role} />
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      <Stack gap={6}>
        <Title order={3} fz="h6">
          {t("workspaces.overview.people")}
        </Title>
        {people.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("workspaces.overview.noPeople")}
          </Text>
        ) : (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
            {people.slice(0, PEOPLE_SHOWN).map((row) => (
              <Group component="li" key={row.id} justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" style={{ minWidth: 0 }}>
                  {row.user.name}
                  {row.user.institution ? <Text span size="xs" c="dimmed">{` · ${row.user.institution.shortName}`}</Text> : null}
                </Text>
                <WorkspaceRoleBadge role={row.role} />
              </Group>
            ))}
          </Stack>
        )}
        {people.length > PEOPLE_SHOWN ? (
          <Text size="xs" c="dimmed">
            {t("workspaces.overview.morePeople", { count: people.length - PEOPLE_SHOWN })}
          </Text>
        ) : null}
      </Stack>
    </Stack>
  );
}
