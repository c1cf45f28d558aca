import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Alert, Button, Group, Title } from "@mantine/core";
import { IconChevronLeft, IconChevronRight, IconPlus } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import type { Locale } from "~/locales";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { requireUser } from "~/modules/auth/session.server";
import { MeetingCalendar } from "~/modules/meetings/components/MeetingCalendar";
import { meetingViewUrls, MeetingsViewSwitch } from "~/modules/meetings/components/MeetingsViewSwitch";
import { canCreateMeeting } from "~/modules/meetings/meetings.policy";
import { CALENDAR_MAX, meetingsInRange } from "~/modules/meetings/meetings.server";
import { isMonth, monthGrid, monthName, monthOf, shiftMonth } from "~/modules/tasks/calendar";
import { addDays, isIsoDate, isoWeekday, warsawDate } from "~/modules/tasks/deadline";
import { formatDate } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";

export const meta: MetaFunction = () => [{ title: "Kalendarz spotkań — Razem" }];

const mondayOf = (date: string) => addDays(date, 1 - isoWeekday(date));
const sane = (date: string) => isIsoDate(date) && +date.slice(0, 4) >= 1970 && +date.slice(0, 4) <= 9998;

/**
 * The meetings the user may see, by month (default; ?miesiac=YYYY-MM) or by week
 * (?widok=tydzien&tydzien=YYYY-MM-DD, snapped to its Monday). Unreadable parameters fall back to
 * the current month / week. One query for the meetings.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const now = new Date();
  const today = warsawDate(now);
  const widok = params.get("widok");
  const rawWeek = params.get("tydzien");
  const view: "month" | "week" = widok === "tydzien" || (!widok && rawWeek) ? "week" : "month";
  let month: string;
  let week: string | null = null;
  let start: string;
  let end: string;
  let weeks: string[][];
  if (view === "week") {
    week = mondayOf(rawWeek && sane(rawWeek) ? rawWeek : today);
    start = week;
    end = addDays(week, 6);
    weeks = [Array.from({ length: 7 }, (_, i) => addDays(week as string, i))];
    month = week.slice(0, 7);
  } else {
    const rawMonth = params.get("miesiac");
    month = rawMonth && isMonth(rawMonth) ? rawMonth : monthOf(now);
    ({ start, end, weeks } = monthGrid(month));
  }
  const { days, truncated } = await meetingsInRange(user, start, end);
  return { view, month, week, start, end, today, weeks, days, truncated, max: CALENDAR_MAX, canCreate: canCreateMeeting(user) };
}

function weekLabel(monday: string, locale: Locale, t: ReturnType<typeof useT>) {
  return t("meetingViews.cal.weekLabel", { from: formatDate(`${monday}T12:00:00Z`, locale), to: formatDate(`${addDays(monday, 6)}T12:00:00Z`, locale) });
}

export default function MeetingsCalendar() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const isWeek = data.view === "week" && data.week;
  let label: string, prevHref: string, nextHref: string, todayHref: string, prevLabel: string, nextLabel: string, isCurrent: boolean;
  if (isWeek) {
    const monday = data.week as string;
    const prev = addDays(monday, -7);
    const next = addDays(monday, 7);
    label = weekLabel(monday, locale, t);
    prevHref = meetingViewUrls.week(prev);
    nextHref = meetingViewUrls.week(next);
    todayHref = meetingViewUrls.week();
    prevLabel = t("meetingViews.cal.prevWeek", { label: weekLabel(prev, locale, t) });
    nextLabel = t("meetingViews.cal.nextWeek", { label: weekLabel(next, locale, t) });
    isCurrent = data.today >= data.start && data.today <= data.end;
  } else {
    const prev = shiftMonth(data.month, -1);
    const next = shiftMonth(data.month, 1);
    label = monthName(data.month, locale);
    prevHref = meetingViewUrls.month(prev);
    nextHref = meetingViewUrls.month(next);
    todayHref = meetingViewUrls.month();
    prevLabel = t("meetingViews.cal.prevMonth", { label: monthName(prev, locale) });
    nextLabel = t("meetingViews.cal.nextMonth", { label: monthName(next, locale) });
    isCurrent = data.today.startsWith(data.month);
  }
  const shown = Object.keys(data.days).filter((d) => (isWeek ? d >= data.start && d <= data.end : d.startsWith(data.month)));
  const newButton = data.canCreate ? (
    <Button component={Link} to="/spotkania/nowe" leftSection={<IconPlus size={16} aria-hidden />}>
      {t("meetings.new")}
    </Button>
  ) : null;
  return (
    <AdminPage title={t("meetingViews.cal.title")} intro={t("meetingViews.cal.intro")} actions={newButton} maw={1300}>
      <MeetingsViewSwitch current={isWeek ? "week" : "month"} />
      <Group component="nav" aria-label={t(isWeek ? "meetingViews.cal.navWeek" : "meetingViews.cal.navMonth")} gap="xs" wrap="wrap">
        <Button component={Link} to={prevHref} variant="default" size="sm" aria-label={prevLabel} title={prevLabel} preventScrollReset>
          <IconChevronLeft size={18} aria-hidden />
        </Button>
        <Title order={2} fz="h3" miw={190} ta="center">
          {label}
        </Title>
        <Button component={Link} to={nextHref} variant="default" size="sm" aria-label={nextLabel} title={nextLabel} preventScrollReset>
          <IconChevronRight size={18} aria-hidden />
        </Button>
        <Button component={Link} to={todayHref} variant="subtle" size="sm" preventScrollReset aria-current={isCurrent ? "date" : undefined}>
          {t(isWeek ? "meetingViews.cal.thisWeek" : "meetingViews.cal.thisMonth")}
        </Button>
      </Group>
      {data.truncated ? (
        <Alert color="yellow" variant="light">
          {t("meetingViews.cal.truncated", { count: data.max })}
        </Alert>
      ) : null}
      {shown.length === 0 ? <EmptyState text={t(isWeek ? "meetingViews.cal.emptyWeek" : "meetingViews.cal.emptyMonth")} /> : null}
      <MeetingCalendar
        caption={t(isWeek ? "meetingViews.cal.captionWeek" : "meetingViews.cal.captionMonth", { label })}
        weeks={data.weeks}
        days={data.days}
        today={data.today}
        month={isWeek ? undefined : data.month}
      />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
