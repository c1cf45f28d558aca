import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/ComingSoon";
import { ErrorPage } from "~/components/ErrorPage";

export const meta: MetaFunction = () => [{ title: "Razem" }];

// Placeholder until its issue lands; the _app layout already requires a signed-in user.
export default function Page() {
  return <ComingSoon title="nav.myTasks" what="comingSoon.myTasks" />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
