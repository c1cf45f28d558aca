import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AppLayout } from "~/components/AppLayout";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { canOpenAdministration } from "~/modules/institutions/institutions.policy";

/** Guards every signed-in page: no user, no app. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    shellUser: {
      name: user.name,
      email: user.email,
      institutionShortName: user.institution?.shortName ?? null,
      canAdminister: canOpenAdministration(user),
    },
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
