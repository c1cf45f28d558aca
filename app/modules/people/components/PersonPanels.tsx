import { Form, useNavigation } from "@remix-run/react";
import { Alert, Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { formatDate, formatDateTime } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import type { InstitutionRole } from "~/generated/prisma/enums";
import { StatusBadge } from "./PeopleTable";

export type PersonView = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  institutionRole: InstitutionRole;
  deactivatedAt: string | Date | null;
  createdAt: string | Date;
  institution: { shortName: string; name: string } | null;
  sessions: number;
};

/** Read-only facts about the account, as a two-column table for screen readers. */
export function PersonDetails({ person }: { person: PersonView }) {
  const t = useT();
  const locale = useLocale();
  const rows: [string, React.ReactNode][] = [
    [t("admin.person.email"), person.email],
    [t("admin.person.institution"), person.institution ? `${person.institution.shortName} — ${person.institution.name}` : t("admin.people.noInstitution")],
    [
      t("admin.person.role"),
      <Group gap={4} key="role">
        {t(`role.${person.institutionRole}`)}
        {person.isAdmin ? (
          <Badge size="sm" variant="light" color="grape">
            {t("role.ADMIN")}
          </Badge>
        ) : null}
      </Group>,
    ],
    [
      t("admin.person.status"),
      <Group gap="xs" key="status">
        <StatusBadge deactivatedAt={person.deactivatedAt} />
        {person.deactivatedAt ? <Text size="sm">{t("admin.person.deactivatedAt", { date: formatDateTime(person.deactivatedAt, locale) })}</Text> : null}
      </Group>,
    ],
    [t("admin.person.createdAt"), formatDate(person.createdAt, locale)],
    [t("admin.person.sessions"), String(person.sessions)],
  ];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="person-details">
      <Title order={2} fz="h4" id="person-details" mb="sm">
        {t("admin.person.details")}
      </Title>
      <Table variant="vertical" withTableBorder={false}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w={200}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function RolePanel({ person, error }: { person: PersonView; error?: string }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="person-role">
      <Title order={2} fz="h4" id="person-role" mb="sm">
        {t("admin.person.roleSection")}
      </Title>
      <Form method="post">
        <input type="hidden" name="intent" value="role" />
        <Group align="flex-end" gap="sm">
          <Select
            name="role"
            label={t("admin.person.role")}
            description={t("admin.person.roleHint")}
            defaultValue={person.institutionRole}
            allowDeselect={false}
            data={(["MEMBER", "COORDINATOR"] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))}
            error={error}
            w={{ base: "100%", sm: 320 }}
          />
          <Button type="submit" variant="light" loading={busy}>
            {t("admin.person.changeRole")}
          </Button>
        </Group>
      </Form>
    </Card>
  );
}

export function AccessPanel({ person, canDeactivate, canReactivate }: { person: PersonView; canDeactivate: boolean; canReactivate: boolean }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="person-access">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="person-access">
          {t("admin.person.accessSection")}
        </Title>
        {person.deactivatedAt ? (
          canReactivate ? (
            <>
              <Text size="sm" c="dimmed">
                {t("admin.person.reactivateHint")}
              </Text>
              <Form method="post">
                <input type="hidden" name="intent" value="reactivate" />
                <Button type="submit" loading={busy}>
                  {t("admin.person.reactivate")}
                </Button>
              </Form>
            </>
          ) : null
        ) : canDeactivate ? (
          <>
            <Text size="sm" c="dimmed">
              {t("admin.person.deactivateHint")}
            </Text>
            <Group>
              <ConfirmAction
                label={t("admin.person.deactivate")}
                title={t("admin.person.deactivateTitle", { name: person.name })}
                text={t("admin.person.deactivateText")}
                confirmLabel={t("admin.person.deactivateConfirm")}
                fields={{ intent: "deactivate" }}
                size="sm"
              />
            </Group>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

export function ReadOnlyNotice({ self }: { self: boolean }) {
  const t = useT();
  return (
    <Alert color="gray" variant="light">
      {t(self ? "admin.person.readOnlySelf" : "admin.person.readOnly")}
    </Alert>
  );
}
