import { useRouteLoaderData } from "@remix-run/react";
import type { loader } from "~/routes/_app.przestrzenie.$workspaceId";

export const WORKSPACE_LAYOUT_ROUTE = "routes/_app.przestrzenie.$workspaceId";

/**
 * The workspace, the reader's role and allowed actions, from the layout route. For showing and
 * hiding controls only: every child loader and action checks access again on the server.
 */
export function useWorkspace() {
  const data = useRouteLoaderData<typeof loader>(WORKSPACE_LAYOUT_ROUTE);
  if (!data) throw new Error("useWorkspace() outside /przestrzenie/$workspaceId");
  return data;
}

/** "<section> — <workspace> — Razem" for a child route's meta, from the layout's data. */
export function workspaceTitle(matches: readonly { id: string; data?: unknown }[], section: string): string {
  const data = matches.find((m) => m.id === WORKSPACE_LAYOUT_ROUTE)?.data as { workspace?: { name: string } } | undefined;
  return data?.workspace ? `${section} — ${data.workspace.name} — Razem` : `${section} — Razem`;
}
