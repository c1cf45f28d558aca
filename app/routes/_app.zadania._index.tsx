import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/ComingSoon";
import { ErrorPage } from "~/components/ErrorPage";

export const meta: MetaFunction = () => [{ title: "Razem" }];

// Replaced by the Moje zadania view (issue 4, in progress).
export default function Page() {
  return <ComingSoon title="nav.myTasks" what="comingSoon.myTasks" />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
