import { Form, Link, useNavigation } from "@remix-run/react";
import { Anchor, Button, Progress, Stack, Table, Text } from "@mantine/core";
import { IconRestore } from "@tabler/icons-react";
import { DataTable } from "~/components/DataTable";
import type { TeamStatus } from "~/generated/prisma/enums";
import { teamUrls } from "~/modules/tasks/task-urls";
import { formatDateTime } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { pluralForm } from "../format";
import { OverdueText, TeamKindText, TeamStatusBadge, TermRange, TermStatus } from "./TeamBadges";

export type TeamRow = {
  id: string;
  name: string;
  kind: "TEMPORARY" | "PERIODIC";
  cadence: string | null;
  status: TeamStatus;
  termStart: string;
  termEnd: string | null;
  deletedAt: string | Date | null;
  leads: string[];
  memberCount: number;
  institutions: string[];
  mine: boolean;
  tasks: { total: number; done: number; overdue: number };
};

/** The teams list: one row per team with its state, term, lead, people and progress. */
export function TeamsTable({ rows, now, trash = false }: { rows: TeamRow[]; now: Date; trash?: boolean }) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const columns = [
    { label: t("teams.list.col.team") },
    { label: t("teams.list.col.status") },
    { label: t("teams.list.col.term") },
    { label: t("teams.list.col.lead") },
    { label: t("teams.list.col.people") },
    { label: t("teams.list.col.progress") },
    ...(trash ? [{ label: t("teams.list.col.actions"), hidden: true }] : []),
  ];
  return (
    <DataTable caption={t(trash ? "teams.list.captionTrash" : "teams.list.caption")} columns={columns} minWidth={900}>
      {rows.map((row) => {
        const closed = row.status === "DONE" || row.status === "DISSOLVED";
        const percent = row.tasks.total ? Math.round((row.tasks.done / row.tasks.total) * 100) : 0;
        return (
          <Table.Tr key={row.id}>
            <Table.Th scope="row" fw={400}>
              {trash ? (
                <Text fw={600} size="sm">
                  {row.name}
                </Text>
              ) : (
                <Anchor component={Link} to={teamUrls.team(row.id)} fw={600} size="sm">
                  {row.name}
                </Anchor>
              )}
              <Text size="xs" c="dimmed">
                <TeamKindText kind={row.kind} cadence={row.cadence} />
                {row.mine ? ` · ${t("teams.list.mine")}` : ""}
              </Text>
            </Table.Th>
            <Table.Td miw={130}>
              <TeamStatusBadge status={row.status} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                <TermRange termStart={row.termStart} termEnd={row.termEnd} />
              </Text>
              {trash && row.deletedAt ? (
                <Text size="xs" c="dimmed">
                  {t("teams.list.trashedAt", { date: formatDateTime(row.deletedAt, locale) })}
                </Text>
              ) : (
                <TermStatus termStart={row.termStart} termEnd={row.termEnd} closed={closed} now={now} size="xs" />
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{row.leads.length ? row.leads.join(", ") : t("teams.list.noLead")}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{t(`teams.list.people.${pluralForm(locale, row.memberCount)}`, { count: row.memberCount })}</Text>
              <Text size="xs" c="dimmed">
                {row.institutions.join(", ") || "—"}
              </Text>
            </Table.Td>
            <Table.Td miw={160}>
              {row.tasks.total === 0 ? (
                <Text size="sm" c="dimmed">
                  {t("teams.list.noTasks")}
                </Text>
              ) : (
                <Stack gap={4}>
                  <Text size="sm">{t("teams.progress.doneOfTotal", { done: row.tasks.done, total: row.tasks.total })}</Text>
                  <Progress value={percent} size="sm" aria-label={t("teams.progress.percentLabel", { percent })} />
                  <OverdueText count={closed ? 0 : row.tasks.overdue} size="xs" />
                </Stack>
              )}
            </Table.Td>
            {trash ? (
              <Table.Td>
                <Form method="post">
                  <input type="hidden" name="intent" value="restore" />
                  <input type="hidden" name="teamId" value={row.id} />
                  <Button type="submit" size="xs" variant="light" disabled={busy} leftSection={<IconRestore size={14} aria-hidden />} aria-label={t("teams.trash.restoreLabel", { name: row.name })}>
                    {t("teams.trash.restore")}
                  </Button>
                </Form>
              </Table.Td>
            ) : null}
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}
