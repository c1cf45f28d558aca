// The team's tasks as a table. Overdue rows say so in words with an icon (and in red), and the
// row gets a red edge as an extra cue — never colour alone.
import { Link } from "@remix-run/react";
import { Anchor, Badge, Group, Stack, Table, Text } from "@mantine/core";
import { DataTable } from "~/components/DataTable";
import { useT } from "~/utils/i18n-react";
import { taskUrl } from "../task-urls";
import { DueText, TaskPriority, TaskStatusBadge } from "./TaskBadges";

export type TaskTableRow = {
  id: string;
  number: number;
  title: string;
  status: string;
  priority: string;
  dueAt: string | Date | null;
  dueHasTime: boolean;
  overdue: boolean;
  assignee: { id: string; name: string } | null;
  labels: { label: string }[];
  _count: { helpers: number };
};

export function TaskTable({ teamId, teamName, rows }: { teamId: string; teamName: string; rows: TaskTableRow[] }) {
  const t = useT();
  return (
    <DataTable
      caption={t("tasks.list.caption", { team: teamName })}
      minWidth={860}
      columns={[
        { label: t("tasks.list.col.number") },
        { label: t("tasks.list.col.title") },
        { label: t("tasks.list.col.status") },
        { label: t("tasks.list.col.priority") },
        { label: t("tasks.list.col.assignee") },
        { label: t("tasks.list.col.due") },
      ]}
    >
      {rows.map((row) => (
        <Table.Tr key={row.id} style={row.overdue ? { boxShadow: "inset 4px 0 0 var(--mantine-color-red-filled)" } : undefined}>
          <Table.Td style={{ whiteSpace: "nowrap" }}>#{row.number}</Table.Td>
          <Table.Th scope="row" fw={400} miw={240}>
            <Stack gap={4}>
              <Anchor component={Link} to={taskUrl(teamId, row.id)} fw={600} size="sm" style={{ overflowWrap: "anywhere" }}>
                {row.title}
              </Anchor>
              {row.labels.length ? (
                <Group gap={4} aria-label={t("tasks.list.col.labels")}>
                  {row.labels.map((l) => (
                    <Badge key={l.label} variant="outline" color="gray" size="sm" radius="sm" style={{ textTransform: "none" }}>
                      {l.label}
                    </Badge>
                  ))}
                </Group>
              ) : null}
            </Stack>
          </Table.Th>
          <Table.Td>
            <TaskStatusBadge status={row.status} />
          </Table.Td>
          <Table.Td>
            <TaskPriority priority={row.priority} />
          </Table.Td>
          <Table.Td>
            {row.assignee ? (
              <Text size="sm">
                {row.assignee.name}
                {row._count.helpers ? (
                  <Text span size="xs" c="dimmed" title={t("tasks.list.helpersLabel", { count: row._count.helpers })}>
                    {" "}
                    <span aria-hidden>{t("tasks.list.helpers", { count: row._count.helpers })}</span>
                    <span className="visually-hidden">{t("tasks.list.helpersLabel", { count: row._count.helpers })}</span>
                  </Text>
                ) : null}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t("tasks.list.unassigned")}
              </Text>
            )}
          </Table.Td>
          <Table.Td miw={150}>
            <DueText task={row} overdue={row.overdue} />
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
