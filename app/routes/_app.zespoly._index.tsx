import type { MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/ComingSoon";
import { ErrorPage } from "~/components/ErrorPage";

export const meta: MetaFunction = () => [{ title: "Razem" }];

// Replaced by the teams list (issue 4, in progress).
export default function Page() {
  return <ComingSoon title="nav.teams" what="comingSoon.teams" />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
