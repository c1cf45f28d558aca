import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Anchor, Card, Group, Pagination, Stack, Text, Title } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { AUDIT_PAGE_SIZE, auditSearch, parseAuditQuery } from "~/modules/audit/audit-filters";
import { canAudit } from "~/modules/audit/audit.policy";
import { ACTOR_OPTIONS_LIMIT, listAuditEntries, listAuditFilterOptions } from "~/modules/audit/audit.server";
import { AuditFilters } from "~/modules/audit/components/AuditFilters";
import { AuditTable, type AuditRow } from "~/modules/audit/components/AuditTable";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { formatNumber } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Dziennik zdarzeń — Razem" }];

const PATH = "/administracja/dziennik";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await authorize(user, canAudit(user, "browse"), { action: "audit.browse", entityType: "AuditLog", ip: requestMeta(request, context).ip });
  const query = parseAuditQuery(new URL(request.url).searchParams);
  // A fixed number of queries whatever the page: count + page (with their joins) + the select options.
  const [{ total, entries }, options] = await Promise.all([
    listAuditEntries(query.filter, query.page, AUDIT_PAGE_SIZE),
    listAuditFilterOptions(query.filter.actorId),
  ]);
  const rows: AuditRow[] = entries.map((e) => ({
    id: e.id,
    createdAt: e.createdAt.toISOString(),
    actorId: e.actorId,
    actorName: e.actor?.name ?? null,
    actorLabel: e.actorLabel,
    institutionShortName: e.actorInstitution?.shortName ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    summary: e.summary,
    changes: e.changes,
    ip: e.ip,
  }));
  return {
    values: query.values,
    errors: query.errors,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    total,
    rows,
    options: { ...options, actorsLimit: ACTOR_OPTIONS_LIMIT },
  };
}

export default function AuditLogPage() {
  const { values, errors, page, pageCount, total, rows, options } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const { search } = useLocation();
  const hasErrors = Object.keys(errors).length > 0;
  const csvHref = hasErrors ? null : `${PATH}.csv${auditSearch(values)}`;
  const first = (page - 1) * AUDIT_PAGE_SIZE + 1;
  const summary = t("pagination.summary", {
    from: formatNumber(Math.min(first, total), locale),
    to: formatNumber(Math.min(page * AUDIT_PAGE_SIZE, total), locale),
    total: formatNumber(total, locale),
  });
  const hrefOf = (p: number) => `${PATH}${auditSearch(values, p)}`;
  const link = (p: number, label: string) => ({ component: Link, to: hrefOf(p), "aria-label": label });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t("audit.title")}</Title>
        <Text c="dimmed" maw={760}>
          {t("audit.intro")}
        </Text>
      </div>
      <Card withBorder padding="md" component="section">
        {/* Re-mounted per URL so "clear filters" and back/forward reset the inputs. */}
        <AuditFilters key={search} action={PATH} csvHref={csvHref} values={values} errors={errors} options={options} />
      </Card>
      {total === 0 ? (
        <Text c="dimmed" role="status">
          {t("audit.empty")}
        </Text>
      ) : rows.length === 0 ? (
        <Text c="dimmed" role="status">
          <Anchor component={Link} to={hrefOf(1)}>
            {t("audit.emptyPage")}
          </Anchor>
        </Text>
      ) : (
        <AuditTable rows={rows} caption={t("audit.caption", { summary })} />
      )}
      {pageCount > 1 ? (
        <Group justify="space-between" component="nav" aria-label={t("pagination.label")}>
          <Text size="sm" c="dimmed">
            {summary}
          </Text>
          {/* Every control is a link, so paging works without JavaScript. */}
          <Pagination
            total={pageCount}
            value={Math.min(page, pageCount)}
            withEdges
            getItemProps={(p) => link(p, t("audit.page.number", { page: p }))}
            getControlProps={(control) => {
              if (control === "first") return page > 1 ? link(1, t("audit.page.first")) : { "aria-label": t("audit.page.first") };
              if (control === "previous")
                return page > 1 ? link(Math.min(page - 1, pageCount), t("audit.page.previous")) : { "aria-label": t("audit.page.previous") };
              if (control === "next")
                return page < pageCount ? link(page + 1, t("audit.page.next")) : { "aria-label": t("audit.page.next") };
              return page < pageCount ? link(pageCount, t("audit.page.last")) : { "aria-label": t("audit.page.last") };
            }}
          />
        </Group>
      ) : null}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
