import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { calendarQuerySchema } from "~/modules/tasks/calendar";
import { loadCalendar } from "~/modules/tasks/calendar.server";
import { CalendarView } from "~/modules/tasks/components/CalendarView";

export const meta: MetaFunction = () => [{ title: "Kalendarz terminów — Razem" }];

/** Deadlines of one month (?m=YYYY-MM; this month by default), mine or all of my teams'. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = calendarQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return loadCalendar(user, query, new Date());
}

export default function DeadlineCalendar() {
  const data = useLoaderData<typeof loader>();
  return <CalendarView data={data} />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
