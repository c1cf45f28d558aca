import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Anchor, Button, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconFilter } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { requireInbox } from "~/modules/ideas/access.server";
import { SummaryCharts } from "~/modules/ideas/components/SummaryCharts";
import { hasInboxFilters, ideaUrls, inboxFiltersOf, inboxParams, parseInboxQuery } from "~/modules/ideas/inbox.schema";
import { inboxFilterOptions } from "~/modules/ideas/inbox.server";
import { ideasSummary } from "~/modules/ideas/ideas-summary.server";
import { formatNumber } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Podsumowanie pomysłów — Razem" }];

/** Counts by category and status of the ideas the person handles (the inbox's filters apply). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await requireInbox(user, "view", requestMeta(request, context).ip);
  const filters = inboxFiltersOf(parseInboxQuery(new URL(request.url).searchParams));
  const [summary, options] = await Promise.all([ideasSummary(user, filters), inboxFilterOptions(user)]);
  return { filters, filtered: hasInboxFilters(filters), summary, intakes: options.intakes };
}

export default function IdeasSummary() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const back = inboxParams(data.filters);
  // Filters other than the intake travel along unchanged (they came from the inbox).
  const kept = inboxParams({ ...data.filters, intake: null });
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Anchor component={Link} to={ideaUrls.inbox(back)} size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {t("ideasInbox.backToInbox")}
          </Group>
        </Anchor>
        <Title order={1}>{t("ideasInbox.summary.title")}</Title>
        <Text c="dimmed">
          {t(data.filtered ? "ideasInbox.summary.introFiltered" : "ideasInbox.summary.intro", { total: formatNumber(data.summary.total, locale) })}
        </Text>
      </Stack>
      <Paper withBorder p="md" radius="md">
        <Form method="get" role="search" aria-label={t("ideasInbox.summary.filterAria")}>
          {[...kept].map(([key, value]) => (
            <input key={key} type="hidden" name={key} value={value} />
          ))}
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              name="nabor"
              label={t("ideasInbox.filter.intake")}
              placeholder={t("ideasInbox.filter.any")}
              data={data.intakes.map((i) => ({ value: i.id, label: i.title }))}
              defaultValue={data.filters.intake}
              clearable
              miw={260}
            />
            <Button type="submit" variant="light" leftSection={<IconFilter size={16} aria-hidden />}>
              {t("ideasInbox.filter.apply")}
            </Button>
          </Group>
        </Form>
      </Paper>
      <SummaryCharts summary={data.summary} />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
