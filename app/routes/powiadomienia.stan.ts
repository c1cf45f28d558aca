import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { notificationsSummary } from "~/modules/notifications/notifications.server";

/** GET: the bell's data (unread count + latest) for polling; only ever the caller's own. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const summary = await notificationsSummary(user.id);
  return Response.json(summary, { headers: { "Cache-Control": "private, no-store" } });
}
