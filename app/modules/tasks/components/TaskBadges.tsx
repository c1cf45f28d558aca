// Small pieces that show a task's state the same way on the list and the task page. Colour
// never carries meaning alone: every badge has its text, overdue has an icon and the words
// "po terminie".
import { Badge, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconBan, IconCircleCheck, IconCircleDashed, IconEye, IconFlame, IconMinus, IconProgress } from "@tabler/icons-react";
import type { MessageKey } from "~/locales";
import { formatDue } from "../task-history";
import { useLocale, useT } from "~/utils/i18n-react";

const STATUS_COLOR: Record<string, string> = { TODO: "gray", IN_PROGRESS: "blue", BLOCKED: "red", IN_REVIEW: "grape", DONE: "green" };
const STATUS_ICON = { TODO: IconCircleDashed, IN_PROGRESS: IconProgress, BLOCKED: IconBan, IN_REVIEW: IconEye, DONE: IconCircleCheck } as const;

export function statusKey(status: string): MessageKey {
  return `tasks.status.${status}` as MessageKey;
}

export function priorityKey(priority: string): MessageKey {
  return `tasks.priority.${priority}` as MessageKey;
}

export function TaskStatusBadge({ status }: { status: string }) {
  const t = useT();
  const Icon = STATUS_ICON[status as keyof typeof STATUS_ICON] ?? IconCircleDashed;
  return (
    <Badge
      color={STATUS_COLOR[status] ?? "gray"}
      variant="light"
      radius="sm"
      leftSection={<Icon size={12} aria-hidden />}
      style={{ textTransform: "none", whiteSpace: "nowrap", minWidth: "max-content" }}
    >
      {t(statusKey(status))}
    </Badge>
  );
}

const PRIORITY_ICON = { URGENT: IconFlame, HIGH: IconArrowUp, NORMAL: IconMinus, LOW: IconArrowDown } as const;
const PRIORITY_COLOR: Record<string, string> = { URGENT: "red", HIGH: "orange", NORMAL: "gray", LOW: "gray" };

export function TaskPriority({ priority }: { priority: string }) {
  const t = useT();
  const Icon = PRIORITY_ICON[priority as keyof typeof PRIORITY_ICON] ?? IconMinus;
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Icon size={16} aria-hidden color={`var(--mantine-color-${PRIORITY_COLOR[priority] ?? "gray"}-filled)`} />
      <Text size="sm" component="span" fw={priority === "URGENT" || priority === "HIGH" ? 600 : 400}>
        {t(priorityKey(priority))}
      </Text>
    </Group>
  );
}

/** "po terminie" with a warning icon, in red: never colour alone. */
export function OverdueBadge() {
  const t = useT();
  return (
    <Badge color="red" variant="filled" radius="sm" leftSection={<IconAlertTriangle size={12} aria-hidden />} style={{ textTransform: "none", whiteSpace: "nowrap", minWidth: "max-content" }}>
      {t("tasks.overdue")}
    </Badge>
  );
}

type Due = { dueAt: string | Date | null; dueHasTime: boolean };

/** The deadline in Warsaw time, Polish format; "Bez terminu" when there is none. */
export function DueText({ task, overdue, emptyText }: { task: Due; overdue: boolean; emptyText?: string }) {
  const t = useT();
  const locale = useLocale();
  if (!task.dueAt) {
    return (
      <Text size="sm" c="dimmed" component="span">
        {emptyText ?? t("tasks.page.noDue")}
      </Text>
    );
  }
  const text = formatDue(task.dueAt, task.dueHasTime, locale);
  return (
    <Group gap={6} wrap="wrap" component="span">
      <Text size="sm" component="time" dateTime={new Date(task.dueAt).toISOString()} c={overdue ? "var(--mantine-color-error)" : undefined} fw={overdue ? 600 : undefined}>
        {text}
      </Text>
      {overdue ? <OverdueBadge /> : null}
    </Group>
  );
}
