import { Badge, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconClock } from "@tabler/icons-react";
import type { TeamStatus } from "~/generated/prisma/enums";
import { useLocale, useT } from "~/utils/i18n-react";
import { formatTermDate, pluralForm } from "../format";
import { termState } from "../progress";

const STATUS_COLOR: Record<TeamStatus, string> = { PLANNED: "gray", ACTIVE: "teal", DONE: "blue", DISSOLVED: "orange" };

/** The lifecycle state as a badge: the word carries the meaning, the colour only repeats it. */
export function TeamStatusBadge({ status, size = "sm" }: { status: TeamStatus; size?: "xs" | "sm" | "md" | "lg" }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size={size}>
      {t(`teams.status.${status}`)}
    </Badge>
  );
}

/** "Zespół czasowy" or "Zespół okresowy · co miesiąc". */
export function TeamKindText({ kind, cadence }: { kind: "TEMPORARY" | "PERIODIC"; cadence: string | null }) {
  const t = useT();
  const cadenceKey = cadence === "WEEKLY" || cadence === "MONTHLY" || cadence === "QUARTERLY" ? cadence : null;
  return (
    <>
      {t(`teams.kind.${kind}`)}
      {kind === "PERIODIC" && cadenceKey ? ` · ${t(`teams.cadence.${cadenceKey}`)}` : ""}
    </>
  );
}

/** "1 grudnia 2026 – 31 marca 2027" (or "od 1 grudnia 2026" without an end). */
export function TermRange({ termStart, termEnd }: { termStart: string; termEnd: string | null }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      {termEnd
        ? t("teams.term.range", { start: formatTermDate(termStart, locale), end: formatTermDate(termEnd, locale) })
        : t("teams.term.from", { start: formatTermDate(termStart, locale) })}
    </>
  );
}

/**
 * Days left in the term, or how far past its end. Past the end (while the team is still open) it
 * is shown in red with a warning icon AND the words "po terminie", never by colour alone.
 */
export function TermStatus({ termStart, termEnd, closed, now, size = "sm" }: { termStart: string; termEnd: string | null; closed: boolean; now: Date; size?: "xs" | "sm" }) {
  const t = useT();
  const locale = useLocale();
  if (closed) return null;
  const s = termState({ termStart, termEnd }, now);
  switch (s.state) {
    case "open":
      return (
        <Text size={size} c="dimmed">
          {t("teams.term.noEnd")}
        </Text>
      );
    case "notStarted":
      return (
        <Text size={size} c="dimmed">
          {t(`teams.term.startsIn.${pluralForm(locale, s.days)}`, { count: s.days })}
        </Text>
      );
    case "running":
      return (
        <Group gap={4} wrap="nowrap">
          <IconClock size={14} aria-hidden />
          <Text size={size} c={s.days <= 7 ? "var(--mantine-color-orange-light-color)" : undefined} fw={s.days <= 7 ? 600 : undefined}>
            {t(`teams.term.daysLeft.${pluralForm(locale, s.days)}`, { count: s.days })}
          </Text>
        </Group>
      );
    case "endsToday":
      return (
        <Group gap={4} wrap="nowrap">
          <IconClock size={14} aria-hidden />
          <Text size={size} c="var(--mantine-color-orange-light-color)" fw={600}>
            {t("teams.term.endsToday")}
          </Text>
        </Group>
      );
    case "ended":
      return (
        <Group gap={4} wrap="nowrap">
          <IconAlertTriangle size={14} color="var(--mantine-color-error)" aria-hidden />
          <Text size={size} c="var(--mantine-color-error)" fw={600}>
            {t(`teams.term.overdue.${pluralForm(locale, s.days)}`, { count: s.days })}
          </Text>
        </Group>
      );
  }
}

/** "3 po terminie" with an icon, in red; nothing when there are none. */
export function OverdueText({ count, size = "sm" }: { count: number; size?: "xs" | "sm" }) {
  const t = useT();
  const locale = useLocale();
  if (count <= 0) return null;
  return (
    <Group gap={4} wrap="nowrap">
      <IconAlertTriangle size={14} color="var(--mantine-color-error)" aria-hidden />
      <Text size={size} c="var(--mantine-color-error)" fw={600}>
        {t(`teams.progress.overdue.${pluralForm(locale, count)}`, { count })}
      </Text>
    </Group>
  );
}
