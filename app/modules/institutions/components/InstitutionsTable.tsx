import { Form, Link } from "@remix-run/react";
import { Anchor, Button, Group, Table, Text } from "@mantine/core";
import { DataTable } from "~/components/DataTable";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { formatDateTime } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";

export type InstitutionRow = {
  id: string;
  name: string;
  shortName: string;
  contactEmail: string | null;
  website: string | null;
  deletedAt: string | Date | null;
  _count: { users: number };
  canEdit?: boolean;
  canDelete?: boolean;
  canRestore?: boolean;
};

/** Active institutions (edit/delete) or the trash (restore), same columns otherwise. */
export function InstitutionsTable({ rows, trash = false }: { rows: InstitutionRow[]; trash?: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <DataTable caption={t(trash ? "admin.trash.caption" : "admin.institutions.caption")} minWidth={720} columns={[{ label: t("admin.institutions.col.shortName") }, { label: t("admin.institutions.col.name") }, { label: t("admin.institutions.col.people") }, { label: t(trash ? "admin.institutions.col.deletedAt" : "admin.institutions.col.contact") }, { label: t("admin.list.actions"), hidden: true }]}>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Th scope="row" style={{ whiteSpace: "nowrap" }}>
                  {row.shortName}
                </Table.Th>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {row.name}
                  </Text>
                </Table.Td>
                <Table.Td>{row._count.users}</Table.Td>
                <Table.Td>
                  {trash ? (
                    row.deletedAt ? formatDateTime(row.deletedAt, locale) : "—"
                  ) : row.contactEmail ? (
                    <Anchor href={`mailto:${row.contactEmail}`} size="sm">
                      {row.contactEmail}
                    </Anchor>
                  ) : (
                    "—"
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {row.canEdit ? (
                      <Button component={Link} to={`/administracja/instytucje/${row.id}`} size="xs" variant="light" aria-label={t("admin.institutions.editLabel", { shortName: row.shortName })}>
                        {t("admin.institutions.edit")}
                      </Button>
                    ) : null}
                    {row.canDelete ? (
                      <ConfirmAction
                        label={t("admin.institutions.delete")}
                        ariaLabel={t("admin.institutions.deleteLabel", { shortName: row.shortName })}
                        title={t("admin.institutions.deleteTitle", { shortName: row.shortName })}
                        text={t("admin.institutions.deleteText")}
                        confirmLabel={t("admin.institutions.deleteConfirm")}
                        fields={{ intent: "delete", id: row.id }}
                      />
                    ) : null}
                    {row.canRestore ? <RestoreButton id={row.id} shortName={row.shortName} /> : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
  );
}

/** Restoring is harmless and reversible: a plain button, no dialog. */
function RestoreButton({ id, shortName }: { id: string; shortName: string }) {
  const t = useT();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="restore" />
      <input type="hidden" name="id" value={id} />
      <Button type="submit" size="xs" variant="light" aria-label={t("admin.trash.restoreLabel", { shortName })}>
        {t("admin.trash.restore")}
      </Button>
    </Form>
  );
}
