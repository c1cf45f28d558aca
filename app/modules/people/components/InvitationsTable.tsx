import { Form } from "@remix-run/react";
import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { DataTable } from "~/components/DataTable";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { formatDateTime } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import type { InstitutionRole } from "~/generated/prisma/enums";

export type InvitationRow = {
  id: string;
  email: string;
  name: string | null;
  role: InstitutionRole;
  createdAt: string | Date;
  expiresAt: string | Date;
  expired: boolean;
  institution: { shortName: string; name: string };
  invitedBy: { name: string };
};

export function InvitationsTable({ rows }: { rows: InvitationRow[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <DataTable caption={t("admin.invitations.caption")} minWidth={900} columns={[{ label: t("admin.invitations.col.email") }, { label: t("admin.invitations.col.institution") }, { label: t("admin.invitations.col.role") }, { label: t("admin.invitations.col.invitedBy") }, { label: t("admin.invitations.col.sentAt") }, { label: t("admin.invitations.col.expiresAt") }, { label: t("admin.list.actions"), hidden: true }]}>
            {rows.map((inv) => (
              <Table.Tr key={inv.id}>
                <Table.Th scope="row" fw="normal">
                  <Text size="sm" fw={600}>
                    {inv.email}
                  </Text>
                  {inv.name ? (
                    <Text size="xs" c="dimmed">
                      {inv.name}
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td>
                  <Text size="sm" fw={600} title={inv.institution.name} style={{ whiteSpace: "nowrap" }}>
                    {inv.institution.shortName}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`role.${inv.role}`)}</Table.Td>
                <Table.Td>{inv.invitedBy.name}</Table.Td>
                <Table.Td>{formatDateTime(inv.createdAt, locale)}</Table.Td>
                <Table.Td>
                  {inv.expired ? (
                    <Badge color="orange" variant="light">
                      {t("admin.invitations.expired")}
                    </Badge>
                  ) : (
                    formatDateTime(inv.expiresAt, locale)
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Form method="post">
                      <input type="hidden" name="intent" value="resend" />
                      <input type="hidden" name="id" value={inv.id} />
                      <Button type="submit" size="xs" variant="light" aria-label={t("admin.invitations.resendLabel", { email: inv.email })}>
                        {t("admin.invitations.resend")}
                      </Button>
                    </Form>
                    <ConfirmAction
                      label={t("admin.invitations.revoke")}
                      ariaLabel={t("admin.invitations.revokeLabel", { email: inv.email })}
                      title={t("admin.invitations.revokeTitle", { email: inv.email })}
                      text={t("admin.invitations.revokeText")}
                      confirmLabel={t("admin.invitations.revokeConfirm")}
                      fields={{ intent: "revoke", id: inv.id }}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
  );
}
