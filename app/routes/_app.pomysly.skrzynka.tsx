import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconCalendarEvent, IconChartBar, IconFileSpreadsheet, IconFileTypeCsv } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { requireUser } from "~/modules/auth/session.server";
import { requireInbox } from "~/modules/ideas/access.server";
import { InboxFilters } from "~/modules/ideas/components/InboxFilters";
import { InboxTable } from "~/modules/ideas/components/InboxTable";
import { allowedIdeaActions } from "~/modules/ideas/ideas.policy";
import { hasInboxFilters, ideaUrls, inboxFiltersOf, inboxParams, parseInboxQuery } from "~/modules/ideas/inbox.schema";
import { inboxFilterOptions, listInbox } from "~/modules/ideas/inbox.server";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Skrzynka pomysłów — Razem" }];

/**
 * The ideas residents sent, for the coordinators and the members of the intakes' designated
 * workspaces (404 for everybody else: they have no inbox). Filtered and sorted by URL parameters
 * (bad values are ignored), 25 a page, a fixed number of SQL statements whatever the number of ideas.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const access = await requireInbox(user, "view", requestMeta(request, context).ip);
  const query = parseInboxQuery(new URL(request.url).searchParams);
  const [{ rows, page }, options] = await Promise.all([listInbox(user, query), inboxFilterOptions(user)]);
  const can = allowedIdeaActions(user, access);
  return { query, filtered: hasInboxFilters(query), rows, page, options, can: { export: can.export, manageIntakes: can.manageIntakes } };
}

export default function IdeasInbox() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const location = useLocation();
  const filters = inboxParams(inboxFiltersOf(data.query));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ flex: "1 1 320px" }}>
          <Title order={1}>{t("ideasInbox.title")}</Title>
          <Text c="dimmed">{t("ideasInbox.intro")}</Text>
        </Stack>
        <Group gap="xs">
          {data.can.manageIntakes ? (
            <Button component={Link} to={ideaUrls.intakes()} variant="subtle" leftSection={<IconCalendarEvent size={16} aria-hidden />}>
              {t("ideasInbox.intakesLink")}
            </Button>
          ) : null}
          <Button component={Link} to={ideaUrls.summary(filters)} variant="light" leftSection={<IconChartBar size={16} aria-hidden />}>
            {t("ideasInbox.summaryLink")}
          </Button>
          {data.can.export ? (
            <>
              <Button component="a" href={ideaUrls.csv(filters)} download variant="default" leftSection={<IconFileTypeCsv size={16} aria-hidden />} title={t("ideasInbox.export.csvHint")}>
                {t("ideasInbox.export.csv")}
              </Button>
              <Button component="a" href={ideaUrls.xlsx(filters)} download variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />} title={t("ideasInbox.export.xlsxHint")}>
                {t("ideasInbox.export.xlsx")}
              </Button>
            </>
          ) : null}
        </Group>
      </Group>
      <InboxFilters key={location.search} query={data.query} intakes={data.options.intakes} tags={data.options.tags} assignees={data.options.assignees} filtered={data.filtered} />
      {data.rows.length === 0 ? <EmptyState text={data.filtered ? t("ideasInbox.list.emptyFiltered") : t("ideasInbox.list.empty")} /> : <InboxTable rows={data.rows} />}
      <ListPagination page={data.page} />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
