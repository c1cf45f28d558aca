import { Form, useNavigation } from "@remix-run/react";
import { Badge, Button, Card, Group, NativeSelect, Table, Text } from "@mantine/core";
import type { WorkspaceRole } from "~/generated/prisma/enums";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { formatDate } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { WORKSPACE_ROLES } from "../workspaces.schema";
import { WorkspaceRoleBadge } from "./WorkspaceRoleBadge";

export type InstitutionMemberRow = {
  id: string;
  role: WorkspaceRole;
  createdAt: string | Date;
  institution: { id: string; shortName: string; name: string; deletedAt: string | Date | null; _count: { users: number } };
};

export type PersonMemberRow = {
  id: string;
  role: WorkspaceRole;
  createdAt: string | Date;
  user: { id: string; name: string; email: string; deactivatedAt: string | Date | null; institution: { shortName: string } | null };
};

/** Role change for one row: a native select (works from the keyboard, no script needed) and a button. */
function RoleForm({ intent, id, role, name }: { intent: string; id: string; role: WorkspaceRole; name: string }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <Group gap="xs" wrap="nowrap" miw={260}>
        <NativeSelect
          name="role"
          size="xs"
          aria-label={t("workspaces.members.roleSelectLabel", { name })}
          defaultValue={role}
          data={WORKSPACE_ROLES.map((r) => ({ value: r, label: t(`workspaces.role.${r}`) }))}
          w={120}
        />
        <Button type="submit" size="xs" variant="light" disabled={busy} style={{ flexShrink: 0 }} aria-label={t("workspaces.members.changeRoleLabel", { name })}>
          {t("workspaces.members.changeRole")}
        </Button>
      </Group>
    </Form>
  );
}

export function InstitutionMembersTable({ rows, canManage }: { rows: InstitutionMemberRow[]; canManage: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Caption className="visually-hidden">{t("workspaces.members.institutionsCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("workspaces.members.col.institution")}</Table.Th>
              <Table.Th scope="col">{t("workspaces.members.col.peopleCount")}</Table.Th>
              <Table.Th scope="col">{t("workspaces.members.col.role")}</Table.Th>
              <Table.Th scope="col">{t("workspaces.members.col.since")}</Table.Th>
              {canManage ? (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t("workspaces.members.col.actions")}</span>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Th scope="row">
                  <Text size="sm" fw={600}>
                    {row.institution.shortName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {row.institution.name}
                  </Text>
                  {row.institution.deletedAt ? (
                    <Badge size="xs" color="red" variant="light" mt={4}>
                      {t("workspaces.members.deletedInstitution")}
                    </Badge>
                  ) : null}
                </Table.Th>
                <Table.Td>{row.institution._count.users}</Table.Td>
                <Table.Td>
                  {canManage ? (
                    <RoleForm intent="changeInstitutionRole" id={row.id} role={row.role} name={row.institution.shortName} />
                  ) : (
                    <WorkspaceRoleBadge role={row.role} />
                  )}
                </Table.Td>
                <Table.Td>{formatDate(row.createdAt, locale)}</Table.Td>
                {canManage ? (
                  <Table.Td>
                    <ConfirmAction
                      label={t("workspaces.members.remove")}
                      ariaLabel={t("workspaces.members.removeInstitutionLabel", { name: row.institution.shortName })}
                      title={t("workspaces.members.removeInstitutionTitle", { name: row.institution.shortName })}
                      text={t("workspaces.members.removeInstitutionText")}
                      confirmLabel={t("workspaces.members.removeConfirm")}
                      fields={{ intent: "removeInstitution", id: row.id }}
                    />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

export function PersonMembersTable({ rows, canManage }: { rows: PersonMemberRow[]; canManage: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" horizontalSpacing="md">
          <Table.Caption className="visually-hidden">{t("workspaces.members.peopleCaption")}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("workspaces.members.col.name")}</Table.Th>
              <Table.Th scope="col">{t("workspaces.members.col.institution")}</Table.Th>
              <Table.Th scope="col">{t("workspaces.members.col.role")}</Table.Th>
              <Table.Th scope="col">{t("workspaces.members.col.since")}</Table.Th>
              {canManage ? (
                <Table.Th scope="col">
                  <span className="visually-hidden">{t("workspaces.members.col.actions")}</span>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Th scope="row">
                  <Text size="sm" fw={600}>
                    {row.user.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {row.user.email}
                  </Text>
                  {row.user.deactivatedAt ? (
                    <Badge size="xs" color="gray" variant="light" mt={4}>
                      {t("workspaces.members.deactivated")}
                    </Badge>
                  ) : null}
                </Table.Th>
                <Table.Td>{row.user.institution?.shortName ?? "—"}</Table.Td>
                <Table.Td>
                  {canManage ? <RoleForm intent="changeMemberRole" id={row.id} role={row.role} name={row.user.name} /> : <WorkspaceRoleBadge role={row.role} />}
                </Table.Td>
                <Table.Td>{formatDate(row.createdAt, locale)}</Table.Td>
                {canManage ? (
                  <Table.Td>
                    <ConfirmAction
                      label={t("workspaces.members.remove")}
                      ariaLabel={t("workspaces.members.removePersonLabel", { name: row.user.name })}
                      title={t("workspaces.members.removePersonTitle", { name: row.user.name })}
                      text={t("workspaces.members.removePersonText")}
                      confirmLabel={t("workspaces.members.removeConfirm")}
                      fields={{ intent: "removeMember", id: row.id }}
                    />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
