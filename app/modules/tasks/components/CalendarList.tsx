// The calendar on a phone: the month's days that have deadlines, one after another.
import { Card, Stack, Text, Title } from "@mantine/core";
import { useLocale, useT } from "~/utils/i18n-react";
import { dayName } from "../calendar";
import type { CalendarEntry } from "../calendar.server";
import { CalendarEntryLink } from "./CalendarGrid";

export function CalendarList({ month, days, today }: { month: string; days: Record<string, CalendarEntry[]>; today: string }) {
  const t = useT();
  const locale = useLocale();
  const dates = Object.keys(days)
    .filter((d) => d.startsWith(month))
    .sort();
  return (
    <Stack gap="sm">
      {dates.map((date) => (
        <Card key={date} withBorder padding="sm" component="section" aria-labelledby={`cal-list-${date}`}>
          <Title order={3} fz="sm" id={`cal-list-${date}`} mb={6} aria-current={date === today ? "date" : undefined}>
            {dayName(date, locale)}
            {date === today ? (
              <Text span size="xs" c="teal.9" fw={700}>
                {" "}
                ({t("taskViews.cal.todayMarker")})
              </Text>
            ) : null}
          </Title>
          <ul style={{ margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: 6 }}>
            {days[date].map((e) => (
              <li key={e.id}>
                <CalendarEntryLink entry={e} />
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </Stack>
  );
}
