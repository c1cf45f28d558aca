import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AppLayout } from "~/components/AppLayout";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { canOpenAdministration } from "~/modules/institutions/institutions.policy";
import { notificationsSummary } from "~/modules/notifications/notifications.server";
import { loadInboxAccess } from "~/modules/ideas/access.server";

/** Guards every signed-in page: no user, no app. Also feeds the bell (two queries) and the navigation. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [notifications, ideasInbox] = await Promise.all([notificationsSummary(user.id), loadInboxAccess(user)]);
  return {
    shellUser: {
      name: user.name,
      email: user.email,
      institutionShortName: user.institution?.shortName ?? null,
      canAdminister: canOpenAdministration(user),
      canOpenIdeas: ideasInbox !== null,
    },
    notifications,
  };
}

export default function AppRoute() {
  const { shellUser } = useLoaderData<typeof loader>();
  return (
    <AppLayout user={shellUser}>
      <Outlet />
    </AppLayout>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
