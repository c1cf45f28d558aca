import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Alert, Stack, Text, Title } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { LibraryBreadcrumbs } from "~/modules/library/components/LibraryBreadcrumbs";
import { TrashTable } from "~/modules/library/components/TrashTable";
import { loadTrashPage, trashPageAction } from "~/modules/library/library-pages.server";
import { useT } from "~/utils/i18n-react";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Kosz biblioteki — ${data.workspace.name} — Razem` : "Razem" }];

/** The library's trash: everyone in the workspace sees it; owners restore and delete for good. */
export async function loader(args: LoaderFunctionArgs) {
  return loadTrashPage(args);
}

export async function action(args: ActionFunctionArgs) {
  return trashPageAction(args);
}

export default function LibraryTrash() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const owner = data.can.restore || data.can.purge;
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <LibraryBreadcrumbs workspaceId={data.workspace.id} path={[]} current={t("library.trash")} />
        <Title order={2}>{t("library.trashPage.title")}</Title>
        <Text c="dimmed" size="sm">
          {t("library.trashPage.intro", { days: data.trashDays })}
        </Text>
      </Stack>
      {!owner && data.rows.length ? (
        <Alert variant="light" color="blue">
          {t("library.trashPage.ownerOnly")}
        </Alert>
      ) : null}
      {data.rows.length === 0 ? <EmptyState text={t("library.trashPage.empty")} /> : <TrashTable rows={data.rows} canRestore={data.can.restore} canPurge={data.can.purge} />}
      <ListPagination page={data.page} />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
