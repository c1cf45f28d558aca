// The meetings calendar as real tables: a month (weeks × Monday…Sunday) or one week (seven
// columns, each day's meetings in time order). Every cell names its full date for screen readers,
// today is marked with aria-current="date" and the word "dziś"; meetings are plain links (Tab moves
// through them), cancelled ones are struck through and say "odwołane". Phones get a list of days.
import { Link } from "@remix-run/react";
import { Anchor, Badge, Box, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import type { MessageKey } from "~/locales";
import { dayName, weekdayNames } from "~/modules/tasks/calendar";
import { warsawDate, warsawTime } from "~/modules/tasks/deadline";
import { useLocale, useT } from "~/utils/i18n-react";
import type { CalendarMeeting } from "../meetings.server";

type Days = Record<string, CalendarMeeting[]>;

/** "10:00", "cd., do 01:00" (continues from an earlier day) or "cd." (runs through the whole day). */
function useTimeLabel() {
  const t = useT();
  return (m: CalendarMeeting, date: string) => {
    const starts = warsawDate(new Date(m.startsAt));
    const ends = warsawDate(new Date(new Date(m.endsAt).getTime() - 1));
    if (starts === date) return warsawTime(new Date(m.startsAt));
    if (ends === date) return `${t("meetingViews.cal.continues")}, ${t("meetingViews.cal.until", { time: warsawTime(new Date(m.endsAt)) })}`;
    return t("meetingViews.cal.continues");
  };
}

export function MeetingCalendarLink({ meeting, date }: { meeting: CalendarMeeting; date: string }) {
  const t = useT();
  const time = useTimeLabel()(meeting, date);
  const kind = t(`meetings.kind.${meeting.kind}` as MessageKey);
  const where = meeting.place ?? (meeting.online ? t("meetingViews.list.online") : "");
  return (
    <Stack gap={0}>
      <Anchor
        component={Link}
        to={`/spotkania/${meeting.id}`}
        size="xs"
        fw={500}
        td={meeting.cancelled ? "line-through" : undefined}
        title={[kind, where].filter(Boolean).join(" · ")}
        style={{ overflowWrap: "anywhere", lineHeight: 1.35 }}
      >
        <Text span size="xs" fw={700}>
          {time}
        </Text>{" "}
        {meeting.title}
        <span className="visually-hidden">
          {" "}
          ({kind}
          {where ? `, ${where}` : ""}
          {meeting.cancelled ? `, ${t("meetingViews.cal.cancelled")}` : ""})
        </span>
      </Anchor>
      {meeting.cancelled ? (
        <Text size="xs" c="red.9" fw={600} aria-hidden>
          {t("meetingViews.cal.cancelled")}
        </Text>
      ) : null}
    </Stack>
  );
}

function DayList({ date, meetings }: { date: string; meetings: CalendarMeeting[] }) {
  if (meetings.length === 0) return null;
  return (
    <ul style={{ margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: 6 }}>
      {meetings.map((m) => (
        <li key={m.id}>
          <MeetingCalendarLink meeting={m} date={date} />
        </li>
      ))}
    </ul>
  );
}

function DayCell({ date, meetings, dimmed, today, height }: { date: string; meetings: CalendarMeeting[]; dimmed: boolean; today: boolean; height: number }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Table.Td
      aria-current={today ? "date" : undefined}
      style={{
        verticalAlign: "top",
        height,
        width: `${100 / 7}%`,
        background: dimmed ? "var(--mantine-color-default-hover)" : undefined,
        boxShadow: today ? "inset 0 0 0 3px var(--mantine-color-teal-7)" : undefined,
      }}
    >
      <Stack gap={4}>
        <Group gap={4} justify="space-between" wrap="nowrap">
          <Text size="sm" fw={today ? 800 : 600} c={dimmed ? "dimmed" : undefined} aria-hidden>
            {Number(date.slice(8))}
          </Text>
          {today ? (
            <Badge size="xs" variant="filled" radius="sm" tt="none" aria-hidden>
              {t("meetingViews.cal.today")}
            </Badge>
          ) : null}
        </Group>
        <span className="visually-hidden">
          {dayName(date, locale)}
          {today ? ` (${t("meetingViews.cal.today")})` : ""}
          {meetings.length === 0 ? ` — ${t("meetingViews.cal.noMeetings")}` : ""}
        </span>
        <DayList date={date} meetings={meetings} />
      </Stack>
    </Table.Td>
  );
}

type MeetingCalendarProps = { caption: string; weeks: string[][]; days: Days; today: string; month?: string };

function WeekdayHeader({ dates }: { dates?: string[] }) {
  const locale = useLocale();
  const names = weekdayNames(locale);
  return (
    <Table.Thead>
      <Table.Tr>
        {names.map((n, i) => (
          <Table.Th key={n.long} scope="col" abbr={n.long}>
            <span aria-hidden>
              {n.short}
              {dates ? ` ${Number(dates[i].slice(8))}.${dates[i].slice(5, 7)}` : ""}
            </span>
            <span className="visually-hidden">{dates ? dayName(dates[i], locale) : n.long}</span>
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/** Month (several week rows, `month` dims the days outside it) or week (one row, taller cells). */
export function MeetingCalendarTable({ caption, weeks, days, today, month }: MeetingCalendarProps) {
  const week = !month;
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={760}>
        <Table withColumnBorders style={{ tableLayout: "fixed" }}>
          <Table.Caption className="visually-hidden">{caption}</Table.Caption>
          <WeekdayHeader dates={week ? weeks[0] : undefined} />
          <Table.Tbody>
            {weeks.map((row) => (
              <Table.Tr key={row[0]}>
                {row.map((date) => (
                  <DayCell key={date} date={date} meetings={days[date] ?? []} dimmed={!!month && !date.startsWith(month)} today={date === today} height={week ? 260 : 110} />
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** On phones: the days of the period that have meetings, one after another. */
export function MeetingCalendarDays({ dates, days, today }: { dates: string[]; days: Days; today: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Stack gap="sm">
      {dates
        .filter((d) => days[d]?.length)
        .map((date) => (
          <Card key={date} withBorder padding="sm" component="section" aria-labelledby={`mcal-${date}`}>
            <Title order={3} fz="sm" id={`mcal-${date}`} mb={6} aria-current={date === today ? "date" : undefined}>
              {dayName(date, locale)}
              {date === today ? (
                <Text span size="xs" c="teal.9" fw={700}>
                  {" "}
                  ({t("meetingViews.cal.today")})
                </Text>
              ) : null}
            </Title>
            <DayList date={date} meetings={days[date]} />
          </Card>
        ))}
    </Stack>
  );
}

export function MeetingCalendar(props: MeetingCalendarProps) {
  const dates = props.weeks.flat().filter((d) => !props.month || d.startsWith(props.month));
  return (
    <>
      <Box visibleFrom="sm">
        <MeetingCalendarTable {...props} />
      </Box>
      <Box hiddenFrom="sm">
        <MeetingCalendarDays dates={dates} days={props.days} today={props.today} />
      </Box>
    </>
  );
}
