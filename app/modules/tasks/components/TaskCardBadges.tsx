// Status and priority as badges with words (colour only supports the text).
import { Badge } from "@mantine/core";
import type { TaskPriority, TaskStatus } from "~/generated/prisma/enums";
import { useT } from "~/utils/i18n-react";

export const STATUS_COLOR: Record<TaskStatus, string> = {
  TODO: "gray",
  IN_PROGRESS: "blue",
  BLOCKED: "orange",
  IN_REVIEW: "violet",
  DONE: "green",
};

const PRIORITY_COLOR: Record<TaskPriority, string> = { LOW: "gray", NORMAL: "gray", HIGH: "orange", URGENT: "red" };

export function StatusBadge({ status }: { status: TaskStatus }) {
  const t = useT();
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} radius="sm" tt="none">
      {t(`taskViews.status.${status}`)}
    </Badge>
  );
}

/** `label`: "Priorytet: Pilny" (cards); without it just "Pilny" (tables, under a header). */
export function PriorityBadge({ priority, label = false }: { priority: TaskPriority; label?: boolean }) {
  const t = useT();
  const name = t(`taskViews.priority.${priority}`);
  return (
    <Badge variant={priority === "URGENT" ? "filled" : "light"} color={PRIORITY_COLOR[priority]} radius="sm" tt="none">
      {label ? t("taskViews.priorityLabel", { priority: name }) : name}
    </Badge>
  );
}
