// One group of Moje zadania (Przeterminowane, Dziś, …) as a captioned table.
import { Link } from "@remix-run/react";
import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import type { TaskStatus } from "~/generated/prisma/enums";
import { formatNumber } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import type { MyTask } from "../my-tasks.server";
import { taskUrl, teamUrls } from "../task-urls";
import { DueDate } from "./DueDate";
import { MyTasksStatusMenu } from "./MyTasksStatusMenu";
import { PriorityBadge, StatusBadge } from "./TaskCardBadges";

const COLUMNS = [
  { key: "task", width: "25%" },
  { key: "team", width: "15%" },
  { key: "due", width: "17%" },
  { key: "status", width: "15%" },
  { key: "priority", width: "12%" },
  { key: "actions", width: "16%" },
] as const;

type Props = {
  id: string;
  title: string;
  tasks: MyTask[];
  warn?: boolean;
  busyId: string | null;
  onChange: (task: MyTask, status: TaskStatus, blockedReason: string | null) => void;
};

export function MyTasksTable({ id, title, tasks, warn = false, busyId, onChange }: Props) {
  const t = useT();
  const locale = useLocale();
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Group gap="xs">
        {warn ? <IconAlertTriangle size={20} color="var(--mantine-color-red-9)" aria-hidden /> : null}
        <Title order={2} fz="h4" id={id} c={warn ? "red.9" : undefined}>
          {title}
        </Title>
        <Badge variant="light" color={warn ? "red" : "gray"} radius="sm" aria-hidden>
          {formatNumber(tasks.length, locale)}
        </Badge>
      </Group>
      {/* One layout for every group: the same columns line up from table to table. */}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={940}>
          <Table verticalSpacing="sm" horizontalSpacing="md" style={{ tableLayout: "fixed" }}>
            <Table.Caption className="visually-hidden">{title}</Table.Caption>
            <colgroup>
              {COLUMNS.map((c) => (
                <col key={c.key} style={{ width: c.width }} />
              ))}
            </colgroup>
            <Table.Thead>
              <Table.Tr>
                {COLUMNS.map((c) => (
                  <Table.Th key={c.key} scope="col">
                    {c.key === "actions" ? <span className="visually-hidden">{t(`taskViews.my.col.${c.key}`)}</span> : t(`taskViews.my.col.${c.key}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tasks.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>
                    <Anchor component={Link} to={taskUrl(task.team.id, task.id)} fw={600} style={{ overflowWrap: "break-word" }}>
                      <Text span c="dimmed" fw={600}>
                        #{task.number}
                      </Text>{" "}
                      {task.title}
                    </Anchor>
                    {task.helping ? (
                      <Badge ml="xs" variant="outline" color="gray" radius="sm" tt="none" size="sm">
                        {t("taskViews.my.helping")}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={teamUrls.board(task.team.id)} size="sm">
                      {task.team.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <DueDate dueAt={task.dueAt} dueHasTime={task.dueHasTime} overdue={task.overdue} bare />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={task.status} />
                  </Table.Td>
                  <Table.Td>
                    <PriorityBadge priority={task.priority} />
                  </Table.Td>
                  <Table.Td>
                    {task.canChangeStatus ? (
                      <MyTasksStatusMenu
                        number={task.number}
                        status={task.status}
                        blockedReason={task.blockedReason}
                        busy={busyId === task.id}
                        onChange={(status, reason) => onChange(task, status, reason)}
                      />
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
