import { Link } from "@remix-run/react";
import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { DataTable } from "~/components/DataTable";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { formatDate, formatNumber } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import type { IntakeState } from "../intakes.server";

export type IntakeTableRow = {
  id: string;
  title: string;
  firstDay: string;
  lastDay: string | null;
  state: IntakeState;
  workspace: string | null;
  ideas: number;
  publicList: boolean;
};

const STATE_COLOR: Record<IntakeState, string> = { open: "teal", planned: "blue", closed: "gray" };

const day = (d: string) => `${d}T12:00:00Z`;

export function IntakesTable({ rows, editHref }: { rows: IntakeTableRow[]; editHref: (id: string) => string }) {
  const t = useT();
  const locale = useLocale();
  const columns = [
    { label: t("ideasPublic.intakes.col.title") },
    { label: t("ideasPublic.intakes.col.period") },
    { label: t("ideasPublic.intakes.col.state") },
    { label: t("ideasPublic.intakes.col.workspace") },
    { label: t("ideasPublic.intakes.col.ideas") },
    { label: t("ideasPublic.intakes.col.public") },
    { label: t("ideasPublic.intakes.col.actions"), hidden: true },
  ];
  return (
    <DataTable caption={t("ideasPublic.intakes.caption")} columns={columns} minWidth={900}>
      {rows.map((row) => (
        <Table.Tr key={row.id}>
          <Table.Td>
            <Text fw={600}>{row.title}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">
              {row.lastDay
                ? t("ideasPublic.intakes.period.range", { from: formatDate(day(row.firstDay), locale), to: formatDate(day(row.lastDay), locale) })
                : t("ideasPublic.intakes.period.from", { from: formatDate(day(row.firstDay), locale) })}
            </Text>
          </Table.Td>
          <Table.Td style={{ whiteSpace: "nowrap", minWidth: 120 }}>
            <Badge color={STATE_COLOR[row.state]} variant="light" tt="none" style={{ overflow: "visible" }}>
              {t(`ideasPublic.intakes.state.${row.state}`)}
            </Badge>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{row.workspace ?? t("ideasPublic.intakes.field.noWorkspace")}</Text>
          </Table.Td>
          <Table.Td>{formatNumber(row.ideas, locale)}</Table.Td>
          <Table.Td>{row.publicList ? t("ideasPublic.intakes.yes") : t("ideasPublic.intakes.no")}</Table.Td>
          <Table.Td>
            <Group gap="xs" wrap="nowrap" justify="flex-end">
              <Button component={Link} to={editHref(row.id)} variant="default" size="xs" aria-label={t("ideasPublic.intakes.editNamed", { title: row.title })}>
                {t("ideasPublic.intakes.edit")}
              </Button>
              {row.state === "open" ? (
                <ConfirmAction
                  label={t("ideasPublic.intakes.close")}
                  ariaLabel={t("ideasPublic.intakes.closeNamed", { title: row.title })}
                  title={t("ideasPublic.intakes.closeNamed", { title: row.title })}
                  text={t("ideasPublic.intakes.closeConfirm")}
                  confirmLabel={t("ideasPublic.intakes.close")}
                  fields={{ intent: "close", id: row.id }}
                  color="orange"
                />
              ) : null}
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
