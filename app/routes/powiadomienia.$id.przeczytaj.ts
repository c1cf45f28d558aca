import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { notFound } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { markNotificationRead } from "~/modules/notifications/notifications.server";
import { notificationIdSchema } from "~/modules/notifications/notifications.schema";
import { NOTIFICATIONS_URL } from "~/modules/notifications/notification-text";

/** POST: marks my notification read and goes where it points. Someone else's (or none): 404. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = notificationIdSchema.safeParse(params.id);
  if (!id.success) notFound();
  const url = await markNotificationRead(user.id, id.data);
  if (!url) notFound();
  return redirect(url);
}

export function loader() {
  throw redirect(NOTIFICATIONS_URL);
}
