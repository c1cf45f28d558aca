import { Link } from "@remix-run/react";
import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { DataTable } from "~/components/DataTable";
import { formatDate } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import type { InstitutionRole } from "~/generated/prisma/enums";

export type PersonRow = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  institutionRole: InstitutionRole;
  deactivatedAt: string | Date | null;
  createdAt: string | Date;
  institution: { shortName: string; name: string } | null;
};

// Badges in narrow table cells would otherwise shrink to an ellipsis.
const noEllipsis = { label: { overflow: "visible" } } as const;

export function StatusBadge({ deactivatedAt }: { deactivatedAt: string | Date | null }) {
  const t = useT();
  return deactivatedAt ? (
    <Badge color="gray" variant="light" styles={noEllipsis}>
      {t("admin.people.deactivated")}
    </Badge>
  ) : (
    <Badge color="teal" variant="light" styles={noEllipsis}>
      {t("admin.people.active")}
    </Badge>
  );
}

export function PeopleTable({ rows }: { rows: PersonRow[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <DataTable caption={t("admin.people.caption")} minWidth={820} columns={[{ label: t("admin.people.col.name") }, { label: t("admin.people.col.email") }, { label: t("admin.people.col.institution") }, { label: t("admin.people.col.role") }, { label: t("admin.people.col.status") }, { label: t("admin.people.col.joined") }]}>
            {rows.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row" fw="normal">
                  <Anchor component={Link} to={`/administracja/osoby/${p.id}`} fw={600} size="sm">
                    {p.name}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <Text size="sm">{p.email}</Text>
                </Table.Td>
                <Table.Td>
                  {p.institution ? (
                    <Text size="sm" fw={600} title={p.institution.name} style={{ whiteSpace: "nowrap" }}>
                      {p.institution.shortName}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t("admin.people.noInstitution")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm">{t(`role.${p.institutionRole}`)}</Text>
                    {p.isAdmin ? (
                      <Badge size="sm" variant="light" color="grape" styles={noEllipsis}>
                        {t("role.ADMIN")}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <StatusBadge deactivatedAt={p.deactivatedAt} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(p.createdAt, locale)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
  );
}
