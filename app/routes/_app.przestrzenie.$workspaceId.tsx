import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { Stack } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { WorkspaceHeader } from "~/modules/workspaces/components/WorkspaceHeader";
import { loadWorkspaceAccess } from "~/modules/workspaces/access.server";
import { allowedWorkspaceActions } from "~/modules/workspaces/workspaces.policy";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workspace.name} — Razem` : "Razem" }];

/** Frame of one workspace: 404 for anyone who is not a member. Child routes check access again. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { workspace, role, archived } = await loadWorkspaceAccess(user, params.workspaceId ?? "");
  return {
    workspace,
    role,
    archived,
    adminAccess: user.isAdmin,
    can: allowedWorkspaceActions(user, { role, archived }),
  };
}

export default function WorkspaceLayout() {
  const { workspace, role, archived, adminAccess, can } = useLoaderData<typeof loader>();
  return (
    <Stack gap="lg" maw={1100}>
      <WorkspaceHeader workspace={workspace} role={role} archived={archived} adminAccess={adminAccess} canManage={can.updateSettings} />
      <Outlet />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
