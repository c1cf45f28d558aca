import { Form, useNavigation } from "@remix-run/react";
import { Button, Card, Group, MultiSelect, NativeSelect, Select, Stack, Table, Text, Title } from "@mantine/core";
import { DataTable } from "~/components/DataTable";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { formatDate } from "~/utils/dates";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { TEAM_ROLES } from "../teams.schema";
import { groupByInstitution, TeamRoleBadge, type MemberData } from "./MembersByInstitution";
import { peopleByInstitution, type PersonOptionData } from "./TeamForm";

type Row = MemberData & { createdAt: string | Date };

/** Adding people: several at once, all with the same role. */
export function AddMembersForm({ candidates, errors = {}, values = {} }: { candidates: PersonOptionData[]; errors?: FieldErrors; values?: Record<string, string> }) {
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="team-add-members">
      <Title order={3} fz="h5" id="team-add-members">
        {t("teams.members.add")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("teams.members.addHint")}
      </Text>
      {candidates.length === 0 ? (
        <Text size="sm">{t("teams.members.noCandidates")}</Text>
      ) : (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="addMembers" />
          <Stack gap="sm">
            <MultiSelect
              name="userIds"
              label={t("teams.members.people")}
              placeholder={t("teams.form.membersPlaceholder")}
              required
              searchable
              hidePickedOptions
              nothingFoundMessage={t("teams.form.nothingFound")}
              defaultValue={(values.userIds ?? "").split(",").filter(Boolean)}
              data={peopleByInstitution(candidates)}
              error={err(errors.userIds)}
            />
            <Select
              name="role"
              label={t("teams.members.role")}
              required
              allowDeselect={false}
              defaultValue={values.role || "MEMBER"}
              data={TEAM_ROLES.map((r) => ({ value: r, label: `${t(`teams.role.${r}`)} — ${t(`teams.role.${r}.hint`)}` }))}
              error={err(errors.role)}
              w={{ base: "100%", sm: 540 }}
            />
            <Group>
              <Button type="submit" loading={busy}>
                {t("teams.members.addSubmit")}
              </Button>
            </Group>
          </Stack>
        </Form>
      )}
    </Card>
  );
}

/** Role change for one row: a native select (keyboard, no script needed) and a button. */
function RoleForm({ id, role, name }: { id: string; role: "LEAD" | "MEMBER"; name: string }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="changeRole" />
      <input type="hidden" name="id" value={id} />
      <Group gap="xs" wrap="nowrap" miw={240}>
        <NativeSelect
          name="role"
          size="xs"
          aria-label={t("teams.members.roleSelectLabel", { name })}
          defaultValue={role}
          data={TEAM_ROLES.map((r) => ({ value: r, label: t(`teams.role.${r}`) }))}
          w={110}
        />
        <Button type="submit" size="xs" variant="light" disabled={busy} style={{ flexShrink: 0 }} aria-label={t("teams.members.changeRoleLabel", { name })}>
          {t("teams.members.changeRole")}
        </Button>
      </Group>
    </Form>
  );
}

/** The members, institution by institution; coordinators change roles and remove people here. */
export function TeamMembersTable({ rows, canManage }: { rows: Row[]; canManage: boolean }) {
  const t = useT();
  const locale = useLocale();
  const columns = [
    { label: t("teams.members.col.name") },
    { label: t("teams.members.col.institution") },
    { label: t("teams.members.col.role") },
    { label: t("teams.members.col.since") },
    ...(canManage ? [{ label: t("teams.members.col.actions"), hidden: true }] : []),
  ];
  const ordered = groupByInstitution(rows).flatMap((g) => g.members);
  return (
    <DataTable caption={t("teams.members.caption")} columns={columns} minWidth={760}>
      {ordered.map((row) => (
        <Table.Tr key={row.id}>
          <Table.Th scope="row" fw={400}>
            <Text size="sm" fw={600}>
              {row.user.name}
            </Text>
            <Text size="xs" c="dimmed">
              {row.user.email}
              {row.user.deactivatedAt ? ` · ${t("teams.members.deactivated")}` : ""}
            </Text>
          </Table.Th>
          <Table.Td>
            <Text size="sm" title={row.user.institution?.name}>
              {row.user.institution?.shortName ?? "—"}
            </Text>
          </Table.Td>
          <Table.Td>{canManage ? <RoleForm id={row.id} role={row.role} name={row.user.name} /> : <TeamRoleBadge role={row.role} />}</Table.Td>
          <Table.Td>{formatDate(row.createdAt, locale)}</Table.Td>
          {canManage ? (
            <Table.Td>
              <ConfirmAction
                label={t("teams.members.remove")}
                ariaLabel={t("teams.members.removeLabel", { name: row.user.name })}
                title={t("teams.members.removeTitle", { name: row.user.name })}
                text={t("teams.members.removeText")}
                confirmLabel={t("teams.members.removeConfirm")}
                fields={{ intent: "removeMember", id: row.id }}
              />
            </Table.Td>
          ) : null}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
