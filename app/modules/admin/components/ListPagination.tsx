import { Link, useLocation } from "@remix-run/react";
import { Button, Group, Text } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import type { PageInfo } from "~/modules/admin/pagination";
import { formatNumber } from "~/utils/dates";
import { useLocale, useT } from "~/utils/i18n-react";

/** Plain links (work without JavaScript) that keep the current filters. */
export function ListPagination({ page }: { page: PageInfo }) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  if (page.total === 0) return null;
  const hrefFor = (n: number) => {
    const params = new URLSearchParams(location.search);
    if (n <= 1) params.delete("page");
    else params.set("page", String(n));
    const qs = params.toString();
    return `${location.pathname}${qs ? `?${qs}` : ""}`;
  };
  const from = Math.min(page.total, (page.page - 1) * page.pageSize + 1);
  const to = Math.min(page.total, page.page * page.pageSize);
  return (
    <Group component="nav" aria-label={t("pagination.label")} justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed">
        {t("pagination.summary", { from: formatNumber(from, locale), to: formatNumber(to, locale), total: formatNumber(page.total, locale) })}
      </Text>
      {page.pageCount > 1 ? (
        <Group gap="xs">
          {page.page > 1 ? (
            <Button component={Link} to={hrefFor(page.page - 1)} variant="default" size="xs" leftSection={<IconChevronLeft size={14} aria-hidden />}>
              {t("admin.pagination.previous")}
            </Button>
          ) : null}
          <Text size="sm" aria-current="page">
            {t("admin.pagination.page", { page: page.page, pages: page.pageCount })}
          </Text>
          {page.page < page.pageCount ? (
            <Button component={Link} to={hrefFor(page.page + 1)} variant="default" size="xs" rightSection={<IconChevronRight size={14} aria-hidden />}>
              {t("admin.pagination.next")}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Group>
  );
}
