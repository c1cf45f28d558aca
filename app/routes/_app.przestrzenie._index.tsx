import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, Group, SimpleGrid, TextInput } from "@mantine/core";
import { IconPlus, IconSearch } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { searchParamsOf } from "~/modules/admin/pagination";
import { requireUser } from "~/modules/auth/session.server";
import { WorkspaceCard } from "~/modules/workspaces/components/WorkspaceCard";
import { canCreateWorkspace } from "~/modules/workspaces/workspaces.policy";
import { WORKSPACE_STATUSES, workspaceQuerySchema } from "~/modules/workspaces/workspaces.schema";
import { listMyWorkspaces } from "~/modules/workspaces/workspaces.server";
import { useT } from "~/utils/i18n-react";

export const meta: MetaFunction = () => [{ title: "Przestrzenie robocze — Razem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = workspaceQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { items, page } = await listMyWorkspaces(user, query);
  return { q: query.q, status: query.status, page, items, canCreate: canCreateWorkspace(user) };
}

function listHref(params: URLSearchParams) {
  const qs = params.toString();
  return qs ? `/przestrzenie?${qs}` : "/przestrzenie";
}

export default function WorkspacesList() {
  const { q, status, page, items, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  const newButton = canCreate ? (
    <Button component={Link} to="/przestrzenie/nowa" leftSection={<IconPlus size={16} aria-hidden />}>
      {t("workspaces.new")}
    </Button>
  ) : null;
  const emptyText = q
    ? t("workspaces.empty.search", { q })
    : status === "archived"
      ? t("workspaces.empty.archived")
      : t(canCreate ? "workspaces.empty.create" : "workspaces.empty.ask");
  return (
    <AdminPage title={t("workspaces.title")} intro={t("workspaces.intro")} actions={newButton}>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group component="nav" aria-label={t("workspaces.filter.label")} gap={4}>
          {WORKSPACE_STATUSES.map((s) => (
            <Button
              key={s}
              component={Link}
              to={listHref(searchParamsOf({ q, status: s === "active" ? null : s }))}
              variant={s === status ? "light" : "subtle"}
              color={s === status ? undefined : "gray"}
              fw={s === status ? 700 : 500}
              aria-current={s === status ? "page" : undefined}
              size="sm"
            >
              {t(`workspaces.filter.${s}`)}
            </Button>
          ))}
        </Group>
        <Form method="get" role="search">
          {status !== "active" ? <input type="hidden" name="status" value={status} /> : null}
          <Group align="flex-end" gap="xs">
            <TextInput
              name="q"
              label={t("workspaces.searchLabel")}
              placeholder={t("workspaces.searchPlaceholder")}
              defaultValue={q}
              leftSection={<IconSearch size={16} aria-hidden />}
              w={{ base: "100%", sm: 280 }}
            />
            <Button type="submit" variant="light">
              {t("admin.list.search")}
            </Button>
            {q ? (
              <Button component={Link} to={listHref(searchParamsOf({ status: status === "active" ? null : status }))} variant="subtle">
                {t("admin.list.clear")}
              </Button>
            ) : null}
          </Group>
        </Form>
      </Group>
      {items.length === 0 ? (
        <EmptyState text={emptyText} action={!q && status === "active" ? newButton : null} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {items.map((ws) => (
            <WorkspaceCard key={ws.id} workspace={ws} />
          ))}
        </SimpleGrid>
      )}
      <ListPagination page={page} />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
