// A deadline as people read it: "24 listopada 2026" (with the time when one was given), or
// "Bez terminu". Overdue is red AND has a warning icon AND says "po terminie" — never colour alone.
import { Group, Text, type MantineSize } from "@mantine/core";
import { IconAlertTriangle, IconCalendarEvent } from "@tabler/icons-react";
import { formatDate } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { warsawTime } from "../deadline";

type Props = {
  dueAt: Date | string | null;
  dueHasTime: boolean;
  overdue: boolean;
  size?: MantineSize;
  /** Leave out "Termin" in front (tables have the column header). */
  bare?: boolean;
};

export function useFormatDue() {
  const t = useT();
  const locale = useLocale();
  return (dueAt: Date | string, dueHasTime: boolean) => {
    const at = new Date(dueAt);
    const date = formatDate(at, locale);
    return dueHasTime ? t("taskViews.due.withTime", { date, time: warsawTime(at) }) : date;
  };
}

export function DueDate({ dueAt, dueHasTime, overdue, size = "sm", bare = false }: Props) {
  const t = useT();
  const format = useFormatDue();
  if (!dueAt) {
    return (
      <Text size={size} c="dimmed">
        {t("taskViews.due.none")}
      </Text>
    );
  }
  const iso = new Date(dueAt).toISOString();
  const label = bare ? null : <span className="visually-hidden">{t("taskViews.due.label")}: </span>;
  if (overdue) {
    return (
      <Group gap={4} wrap="nowrap" align="flex-start">
        <IconAlertTriangle size={16} color="var(--mantine-color-red-9)" aria-hidden style={{ flex: "none", marginTop: 2 }} />
        <Text size={size} c="red.9" fw={600}>
          {label}
          <time dateTime={iso}>{format(dueAt, dueHasTime)}</time> — {t("taskViews.due.overdue")}
        </Text>
      </Group>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <IconCalendarEvent size={16} aria-hidden style={{ flex: "none", marginTop: 2 }} />
      <Text size={size}>
        {label}
        <time dateTime={iso}>{format(dueAt, dueHasTime)}</time>
      </Text>
    </Group>
  );
}
