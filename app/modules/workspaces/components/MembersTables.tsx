import { Form, useNavigation } from "@remix-run/react";
import { Badge, Button, Group, NativeSelect, Table, Text } from "@mantine/core";
import { DataTable } from "~/components/DataTable";
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

type MemberRow = {
  id: string;
  role: WorkspaceRole;
  createdAt: string | Date;
  /** Name shown in labels and confirmations. */
  name: string;
  subtitle: string;
  flag: { text: string; color: string } | null;
  second: string | number;
};

type Kind = {
  caption: string;
  firstColumn: string;
  secondColumn: string;
  roleIntent: string;
  removeIntent: string;
  remove: (name: string) => { ariaLabel: string; title: string; text: string };
};

/** People and institutions share one table: name + detail, a count or institution, role, since, remove. */
function MembersTable({ kind, rows, canManage }: { kind: Kind; rows: MemberRow[]; canManage: boolean }) {
  const t = useT();
  const locale = useLocale();
  const columns = [
    { label: kind.firstColumn },
    { label: kind.secondColumn },
    { label: t("workspaces.members.col.role") },
    { label: t("workspaces.members.col.since") },
    ...(canManage ? [{ label: t("workspaces.members.col.actions"), hidden: true }] : []),
  ];
  return (
    <DataTable caption={kind.caption} columns={columns} minWidth={760}>
      {rows.map((row) => (
        <Table.Tr key={row.id}>
          <Table.Th scope="row">
            <Text size="sm" fw={600}>
              {row.name}
            </Text>
            <Text size="xs" c="dimmed">
              {row.subtitle}
            </Text>
            {row.flag ? (
              <Badge size="xs" color={row.flag.color} variant="light" mt={4}>
                {row.flag.text}
              </Badge>
            ) : null}
          </Table.Th>
          <Table.Td>{row.second}</Table.Td>
          <Table.Td>
            {canManage ? <RoleForm intent={kind.roleIntent} id={row.id} role={row.role} name={row.name} /> : <WorkspaceRoleBadge role={row.role} />}
          </Table.Td>
          <Table.Td>{formatDate(row.createdAt, locale)}</Table.Td>
          {canManage ? (
            <Table.Td>
              <ConfirmAction
                label={t("workspaces.members.remove")}
                {...kind.remove(row.name)}
                confirmLabel={t("workspaces.members.removeConfirm")}
                fields={{ intent: kind.removeIntent, id: row.id }}
              />
            </Table.Td>
          ) : null}
        </Table.Tr>
      ))}
    </DataTable>
  );
}

export function InstitutionMembersTable({ rows, canManage }: { rows: InstitutionMemberRow[]; canManage: boolean }) {
  const t = useT();
  const kind: Kind = {
    caption: t("workspaces.members.institutionsCaption"),
    firstColumn: t("workspaces.members.col.institution"),
    secondColumn: t("workspaces.members.col.peopleCount"),
    roleIntent: "changeInstitutionRole",
    removeIntent: "removeInstitution",
    remove: (name) => ({
      ariaLabel: t("workspaces.members.removeInstitutionLabel", { name }),
      title: t("workspaces.members.removeInstitutionTitle", { name }),
      text: t("workspaces.members.removeInstitutionText"),
    }),
  };
  const memberRows = rows.map((row) => ({
    id: row.id,
    role: row.role,
    createdAt: row.createdAt,
    name: row.institution.shortName,
    subtitle: row.institution.name,
    flag: row.institution.deletedAt ? { text: t("workspaces.members.deletedInstitution"), color: "red" } : null,
    second: row.institution._count.users,
  }));
  return <MembersTable kind={kind} rows={memberRows} canManage={canManage} />;
}

export function PersonMembersTable({ rows, canManage }: { rows: PersonMemberRow[]; canManage: boolean }) {
  const t = useT();
  const kind: Kind = {
    caption: t("workspaces.members.peopleCaption"),
    firstColumn: t("workspaces.members.col.name"),
    secondColumn: t("workspaces.members.col.institution"),
    roleIntent: "changeMemberRole",
    removeIntent: "removeMember",
    remove: (name) => ({
      ariaLabel: t("workspaces.members.removePersonLabel", { name }),
      title: t("workspaces.members.removePersonTitle", { name }),
      text: t("workspaces.members.removePersonText"),
    }),
  };
  const memberRows = rows.map((row) => ({
    id: row.id,
    role: row.role,
    createdAt: row.createdAt,
    name: row.user.name,
    subtitle: row.user.email,
    flag: row.user.deactivatedAt ? { text: t("workspaces.members.deactivated"), color: "gray" } : null,
    second: row.user.institution?.shortName ?? "—",
  }));
  return <MembersTable kind={kind} rows={memberRows} canManage={canManage} />;
}
