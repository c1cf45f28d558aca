// GET /kalendarz/<secret token>.ics — the personal calendar feed (no sign-in: calendar apps
// subscribe to it). An unknown or revoked token is a plain 404, like any page that does not exist.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeedForToken } from "~/modules/reminders/ics.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const body = await calendarFeedForToken(params.token ?? "", new Date());
  if (body === null) throw new Response("Not Found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="razem.ics"',
      // Personal data behind a secret URL: never in a shared cache, never indexed.
      "Cache-Control": "private, max-age=300",
      "X-Robots-Tag": "noindex",
    },
  });
}
