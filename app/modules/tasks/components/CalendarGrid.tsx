// The month as a table (Monday first): column headers are the weekdays, every cell says its
// full date to screen readers and lists the tasks due that day as links (Tab moves through
// them). A busy day shows the first few and a button for the rest. Today is marked
// (aria-current="date"); overdue tasks are red with an icon and the words "po terminie".
import { useState } from "react";
import { Link } from "@remix-run/react";
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text } from "@mantine/core";
import { IconAlertTriangle, IconCheck } from "@tabler/icons-react";
import { useLocale, useT } from "~/utils/i18n-react";
import { dayName, weekdayNames } from "../calendar";
import type { CalendarEntry } from "../calendar.server";
import { warsawTime } from "../deadline";
import { taskUrl } from "../task-urls";

const PER_DAY = 4;

/** One task in a day: "#12 Title" (team name and time in the accessible name and tooltip). */
export function CalendarEntryLink({ entry }: { entry: CalendarEntry }) {
  const t = useT();
  const done = entry.status === "DONE";
  return (
    <Stack gap={0}>
      <Group gap={4} wrap="nowrap" align="flex-start">
        {entry.overdue ? <IconAlertTriangle size={14} color="var(--mantine-color-red-9)" aria-hidden style={{ flex: "none", marginTop: 3 }} /> : null}
        {done ? <IconCheck size={14} color="var(--mantine-color-green-9)" aria-hidden style={{ flex: "none", marginTop: 3 }} /> : null}
        <Anchor
          component={Link}
          to={taskUrl(entry.teamId, entry.id)}
          size="xs"
          c={entry.overdue ? "red.9" : undefined}
          fw={entry.overdue ? 700 : 500}
          td={done ? "line-through" : undefined}
          title={`${entry.teamName}${entry.dueHasTime ? ` · ${warsawTime(new Date(entry.dueAt))}` : ""}`}
          style={{ overflowWrap: "anywhere", lineHeight: 1.35 }}
        >
          {entry.dueHasTime ? `${warsawTime(new Date(entry.dueAt))} ` : ""}#{entry.number} {entry.title}
          <span className="visually-hidden">
            {" "}
            ({entry.teamName}
            {done ? `, ${t("taskViews.due.done")}` : ""})
          </span>
        </Anchor>
      </Group>
      {entry.overdue ? (
        <Text size="xs" c="red.9" fw={600} pl={18}>
          {t("taskViews.due.overdue")}
        </Text>
      ) : null}
    </Stack>
  );
}

function DayCell({ date, entries, inMonth, today }: { date: string; entries: CalendarEntry[]; inMonth: boolean; today: boolean }) {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const shown = open ? entries : entries.slice(0, PER_DAY);
  const hidden = entries.length - shown.length;
  const listId = `cal-day-${date}`;
  return (
    <Table.Td
      aria-current={today ? "date" : undefined}
      style={{
        verticalAlign: "top",
        height: 110,
        width: `${100 / 7}%`,
        background: inMonth ? undefined : "var(--mantine-color-default-hover)",
        boxShadow: today ? "inset 0 0 0 3px var(--mantine-color-teal-7)" : undefined,
      }}
    >
      <Stack gap={4}>
        <Group gap={4} justify="space-between" wrap="nowrap">
          <Text size="sm" fw={today ? 800 : 600} c={inMonth ? undefined : "dimmed"} aria-hidden>
            {Number(date.slice(8))}
          </Text>
          {today ? (
            <Badge size="xs" variant="filled" radius="sm" tt="none" aria-hidden>
              {t("taskViews.cal.todayMarker")}
            </Badge>
          ) : null}
        </Group>
        <span className="visually-hidden">
          {dayName(date, locale)}
          {today ? ` (${t("taskViews.cal.todayMarker")})` : ""}
          {entries.length === 0 ? ` — ${t("taskViews.cal.noTasks")}` : ""}
        </span>
        {entries.length > 0 ? (
          <ul id={listId} style={{ margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: 4 }}>
            {shown.map((e) => (
              <li key={e.id}>
                <CalendarEntryLink entry={e} />
              </li>
            ))}
          </ul>
        ) : null}
        {entries.length > PER_DAY ? (
          <Button size="compact-xs" variant="subtle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
            {open ? t("taskViews.cal.less") : t("taskViews.cal.more", { count: hidden })}
          </Button>
        ) : null}
      </Stack>
    </Table.Td>
  );
}

export function CalendarGrid({ caption, month, weeks, days, today }: { caption: string; month: string; weeks: string[][]; days: Record<string, CalendarEntry[]>; today: string }) {
  const locale = useLocale();
  const names = weekdayNames(locale);
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={760}>
        <Table withColumnBorders style={{ tableLayout: "fixed" }}>
          <Table.Caption className="visually-hidden">{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {names.map((n) => (
                <Table.Th key={n.long} scope="col" abbr={n.long}>
                  <span aria-hidden>{n.short}</span>
                  <span className="visually-hidden">{n.long}</span>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {weeks.map((week) => (
              <Table.Tr key={week[0]}>
                {week.map((date) => (
                  <DayCell key={date} date={date} entries={days[date] ?? []} inMonth={date.startsWith(month)} today={date === today} />
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
