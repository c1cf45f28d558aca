// The task's facts: status, people, deadline (with "po terminie"), priority, labels, description.
import type { ReactNode } from "react";
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { IconBan } from "@tabler/icons-react";
import { RichTextView } from "~/components/RichTextField";
import { formatDateTime } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { DueText, TaskPriority, TaskStatusBadge } from "./TaskBadges";

export type TaskDetailsData = {
  number: number;
  title: string;
  description: string;
  status: string;
  blockedReason: string | null;
  priority: string;
  dueAt: string | Date | null;
  dueHasTime: boolean;
  createdAt: string | Date;
  updatedAt: string | Date;
  completedAt: string | Date | null;
  createdBy: { name: string };
  assignee: { id: string; name: string } | null;
  helpers: { id: string; name: string }[];
  labels: string[];
};

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

export function TaskDetails({ task, overdue, actions }: { task: TaskDetailsData; overdue: boolean; actions?: ReactNode }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="zadanie-szczegoly">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Title order={2} size="h3" id="zadanie-szczegoly">
            {t("tasks.page.details")}
          </Title>
          {actions ? <Group gap="xs">{actions}</Group> : null}
        </Group>
        {task.status === "BLOCKED" && task.blockedReason ? (
          <Alert color="red" variant="light" icon={<IconBan size={18} aria-hidden />}>
            {t("tasks.page.blockedBecause", { reason: task.blockedReason })}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" component="dl" m={0}>
          <Fact label={t("tasks.page.status")}>
            <TaskStatusBadge status={task.status} />
          </Fact>
          <Fact label={t("tasks.page.due")}>
            <DueText task={task} overdue={overdue} />
          </Fact>
          <Fact label={t("tasks.page.priority")}>
            <TaskPriority priority={task.priority} />
          </Fact>
          <Fact label={t("tasks.page.assignee")}>{task.assignee ? task.assignee.name : <Text span size="sm" c="dimmed">{t("tasks.page.nobody")}</Text>}</Fact>
          <Fact label={t("tasks.page.helpers")}>
            {task.helpers.length ? task.helpers.map((h) => h.name).join(", ") : <Text span size="sm" c="dimmed">{t("tasks.page.none")}</Text>}
          </Fact>
          <Fact label={t("tasks.page.labels")}>
            {task.labels.length ? (
              <Group gap={4} component="span">
                {task.labels.map((l) => (
                  <Badge key={l} variant="outline" color="gray" radius="sm" style={{ textTransform: "none" }}>
                    {l}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text span size="sm" c="dimmed">
                {t("tasks.page.none")}
              </Text>
            )}
          </Fact>
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600}>
            {t("tasks.page.description")}
          </Text>
          {task.description ? <RichTextView html={task.description} /> : <Text size="sm" c="dimmed">{t("tasks.page.noDescription")}</Text>}
        </Stack>
        <Text size="xs" c="dimmed">
          {t("tasks.page.createdBy", { name: task.createdBy.name, date: formatDateTime(task.createdAt, locale) })}
          {" · "}
          {t("tasks.page.updated", { date: formatDateTime(task.updatedAt, locale) })}
          {task.completedAt ? ` · ${t("tasks.page.completed", { date: formatDateTime(task.completedAt, locale) })}` : ""}
        </Text>
      </Stack>
    </Card>
  );
}
