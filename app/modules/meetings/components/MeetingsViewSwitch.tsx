// The header switch shared by the meetings list and calendar: Lista / Kalendarz – miesiąc / Tydzień.
// Plain links (work without JavaScript); the current view is marked with aria-current, not colour only.
import { Link } from "@remix-run/react";
import { Button, Group } from "@mantine/core";
import { IconCalendarMonth, IconCalendarWeek, IconList } from "@tabler/icons-react";
import type { MessageKey } from "~/locales";
import { useT } from "~/utils/i18n-react";

export type MeetingsView = "list" | "month" | "week";

export const meetingViewUrls = {
  list: () => "/spotkania",
  month: (month?: string | null) => `/spotkania/kalendarz${month ? `?miesiac=${month}` : ""}`,
  week: (monday?: string | null) => `/spotkania/kalendarz?widok=tydzien${monday ? `&tydzien=${monday}` : ""}`,
};

const VIEWS: { view: MeetingsView; label: MessageKey; icon: typeof IconList }[] = [
  { view: "list", label: "meetingViews.switch.list", icon: IconList },
  { view: "month", label: "meetingViews.switch.month", icon: IconCalendarMonth },
  { view: "week", label: "meetingViews.switch.week", icon: IconCalendarWeek },
];

export function MeetingsViewSwitch({ current }: { current: MeetingsView }) {
  const t = useT();
  return (
    <Group component="nav" aria-label={t("meetingViews.switch.label")} gap={4} wrap="wrap">
      {VIEWS.map(({ view, label, icon: Icon }) => {
        const active = view === current;
        return (
          <Button
            key={view}
            component={Link}
            to={meetingViewUrls[view]()}
            variant={active ? "light" : "subtle"}
            color={active ? undefined : "gray"}
            fw={active ? 700 : 500}
            size="sm"
            aria-current={active ? "page" : undefined}
            leftSection={<Icon size={16} aria-hidden />}
          >
            {t(label)}
          </Button>
        );
      })}
    </Group>
  );
}
