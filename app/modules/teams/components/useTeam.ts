import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/_app.zespoly.$teamId";

export const TEAM_LAYOUT_ROUTE = "routes/_app.zespoly.$teamId";

/**
 * The team, the reader's standing and allowed actions, from the team frame. For showing and hiding
 * controls only: every child loader and action checks access again on the server.
 */
export function useTeam() {
  const data = useRouteLoaderData<typeof loader>(TEAM_LAYOUT_ROUTE);
  if (!data) throw new Error("useTeam() outside /zespoly/$teamId");
  return data;
}

/** "<section> — <team> — Razem" for a child route's meta, from the frame's data. */
export function teamTitle(matches: readonly { id: string; data?: unknown }[], section: string): string {
  const data = matches.find((m) => m.id === TEAM_LAYOUT_ROUTE)?.data as { team?: { name: string } } | undefined;
  return data?.team ? `${section} — ${data.team.name} — Razem` : `${section} — Razem`;
}
