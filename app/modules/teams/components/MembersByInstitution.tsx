import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useT } from "~/utils/i18n-react";

export type MemberData = {
  id: string;
  role: "LEAD" | "MEMBER";
  user: { id: string; name: string; email: string; deactivatedAt: string | Date | null; institution: { id: string; shortName: string; name: string } | null };
};

/** Members grouped by institution (institutions alphabetically), leads first inside each group. */
export function groupByInstitution<T extends MemberData>(members: T[]) {
  const groups = new Map<string, { key: string; shortName: string; name: string; members: T[] }>();
  for (const m of members) {
    const inst = m.user.institution;
    const key = inst?.id ?? "";
    if (!groups.has(key)) groups.set(key, { key, shortName: inst?.shortName ?? "—", name: inst?.name ?? "", members: [] });
    groups.get(key)!.members.push(m);
  }
  const rank = (m: MemberData) => (m.role === "LEAD" ? 0 : 1);
  return [...groups.values()]
    .sort((a, b) => a.shortName.localeCompare(b.shortName, "pl"))
    .map((g) => ({ ...g, members: [...g.members].sort((a, b) => rank(a) - rank(b) || a.user.name.localeCompare(b.user.name, "pl")) }));
}

export function TeamRoleBadge({ role }: { role: "LEAD" | "MEMBER" }) {
  const t = useT();
  return (
    <Badge size="sm" variant={role === "LEAD" ? "filled" : "light"} color={role === "LEAD" ? "teal.9" : "gray"}>
      {t(`teams.role.${role}`)}
    </Badge>
  );
}

/** Who is in the team, institution by institution. */
export function MembersByInstitution({ members }: { members: MemberData[] }) {
  const t = useT();
  const groups = groupByInstitution(members);
  if (groups.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("teams.overview.noMembers")}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {groups.map((g) => (
        <Stack key={g.key} gap={6} component="section" aria-label={g.name || g.shortName}>
          <Title order={3} fz="h6" title={g.name}>
            {g.shortName}
            <Text span size="xs" c="dimmed" fw={400}>{` · ${g.members.length}`}</Text>
          </Title>
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
            {g.members.map((m) => (
              <Group component="li" key={m.id} justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" style={{ minWidth: 0 }} c={m.user.deactivatedAt ? "dimmed" : undefined}>
                  {m.user.name}
                  {m.user.deactivatedAt ? <Text span size="xs">{` (${t("teams.members.deactivated")})`}</Text> : null}
                </Text>
                <TeamRoleBadge role={m.role} />
              </Group>
            ))}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}
