// Kalendarz terminów: month navigation (?m=YYYY-MM, plain links), the scope (my tasks or all of
// my teams'), the month grid on larger screens and a list of days on phones.
import { Link } from "@remix-run/react";
import { Alert, Anchor, Box, Button, Group, Title } from "@mantine/core";
import { IconArrowLeft, IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { searchParamsOf } from "~/modules/admin/pagination";
import { useLocale, useT } from "~/utils/i18n-react";
import { CALENDAR_MAX, monthName, SCOPES, shiftMonth, type CalendarScope } from "../calendar";
import type { Calendar } from "../calendar.server";
import { teamUrls } from "../task-urls";
import { CalendarGrid } from "./CalendarGrid";
import { CalendarList } from "./CalendarList";

function href(month: string | null, scope: CalendarScope) {
  const qs = searchParamsOf({ m: month, zakres: scope === "moje" ? null : scope }).toString();
  return `${teamUrls.calendar()}${qs ? `?${qs}` : ""}`;
}

export function CalendarView({ data }: { data: Calendar }) {
  const t = useT();
  const locale = useLocale();
  const name = monthName(data.month, locale);
  const prev = shiftMonth(data.month, -1);
  const next = shiftMonth(data.month, 1);
  const empty = Object.keys(data.days).every((d) => !d.startsWith(data.month));
  return (
    <AdminPage
      title={t("taskViews.cal.title")}
      intro={t("taskViews.cal.intro")}
      back={{ to: teamUrls.myTasks(), label: t("taskViews.cal.back") }}
      maw={1300}
    >
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group component="nav" aria-label={t("taskViews.cal.nav")} gap="xs">
          <Button
            component={Link}
            to={href(prev, data.scope)}
            variant="default"
            size="sm"
            aria-label={t("taskViews.cal.prev", { month: monthName(prev, locale) })}
            preventScrollReset
          >
            <IconChevronLeft size={18} aria-hidden />
          </Button>
          <Title order={2} fz="h3" miw={190} ta="center" aria-live="polite">
            {name}
          </Title>
          <Button
            component={Link}
            to={href(next, data.scope)}
            variant="default"
            size="sm"
            aria-label={t("taskViews.cal.next", { month: monthName(next, locale) })}
            preventScrollReset
          >
            <IconChevronRight size={18} aria-hidden />
          </Button>
          <Button component={Link} to={href(null, data.scope)} variant="subtle" size="sm" preventScrollReset aria-current={data.today.startsWith(data.month) ? "date" : undefined}>
            {t("taskViews.cal.today")}
          </Button>
        </Group>
        <Group component="nav" aria-label={t("taskViews.cal.scope")} gap={4}>
          {SCOPES.map((s) => (
            <Button
              key={s}
              component={Link}
              to={href(data.month, s)}
              variant={s === data.scope ? "light" : "subtle"}
              color={s === data.scope ? undefined : "gray"}
              fw={s === data.scope ? 700 : 500}
              aria-current={s === data.scope ? "page" : undefined}
              size="sm"
              preventScrollReset
            >
              {t(s === "moje" ? "taskViews.cal.scope.mine" : "taskViews.cal.scope.all")}
            </Button>
          ))}
        </Group>
      </Group>
      {data.truncated ? (
        <Alert color="yellow" variant="light" role="status">
          {t("taskViews.cal.truncated", { count: CALENDAR_MAX })}
        </Alert>
      ) : null}
      {empty ? <EmptyState text={t(data.scope === "moje" ? "taskViews.cal.empty" : "taskViews.cal.emptyAll")} /> : null}
      <Box visibleFrom="sm">
        <CalendarGrid caption={t("taskViews.cal.caption", { month: name })} month={data.month} weeks={data.weeks} days={data.days} today={data.today} />
      </Box>
      <Box hiddenFrom="sm">
        <CalendarList month={data.month} days={data.days} today={data.today} />
      </Box>
      <Anchor component={Link} to={teamUrls.myTasks()} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("taskViews.cal.back")}
        </Group>
      </Anchor>
    </AdminPage>
  );
}
