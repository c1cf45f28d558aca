// The folder view's filters: type, author, review status. A plain GET form like the other lists'
// filters (works without JavaScript; the URL is shareable and survives a reload) that keeps the
// sort and starts again at page 1.
import { Form, Link, useLocation, useSubmit } from "@remix-run/react";
import { Button, Group, Select } from "@mantine/core";
import { IconFilter, IconFilterOff } from "@tabler/icons-react";
import type { FormEvent } from "react";
import { useT } from "~/utils/i18n-react";
import { hasFilters, STATUS_FILTERS, TYPE_FILTERS, type FolderFilters } from "../library-filters";
import type { SortDir, SortField } from "../library.schema";

type Props = {
  filters: FolderFilters;
  authors: { id: string; name: string }[];
  sort: SortField;
  dir: SortDir;
};

/** The current URL without the filters and the page (the sort stays): "Wyczyść filtry". */
export function useClearFiltersHref(): string {
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  for (const name of ["typ", "autor", "status", "page"]) params.delete(name);
  const qs = params.toString();
  return `${location.pathname}${qs ? `?${qs}` : ""}`;
}

export function LibraryFilters({ filters, authors, sort, dir }: Props) {
  const t = useT();
  const clearHref = useClearFiltersHref();
  const submit = useSubmit();
  // With JavaScript, "any" leaves its parameter out of the URL (`?typ=pdf`, not `?typ=pdf&autor=&status=`).
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value !== "") params.set(name, value);
    submit(params, { method: "get", preventScrollReset: true });
  };
  const common = { allowDeselect: false, comboboxProps: { withinPortal: true }, w: { base: "100%", xs: 210 } } as const;
  // Keyed by the applied filters: after "Wyczyść filtry" (or back/forward) the selects show the URL's values.
  const key = `${filters.type}|${filters.author}|${filters.status}`;
  return (
    <Form method="get" role="search" aria-label={t("library.filters.label")} preventScrollReset key={key} onSubmit={onSubmit}>
      <input type="hidden" name="sort" value={sort} />
      <input type="hidden" name="dir" value={dir} />
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select
          {...common}
          name="typ"
          label={t("library.filters.type")}
          defaultValue={filters.type ?? ""}
          data={[{ value: "", label: t("library.filters.anyType") }, ...TYPE_FILTERS.map((k) => ({ value: k, label: t(`library.filters.type.${k}`) }))]}
        />
        <Select
          {...common}
          name="autor"
          label={t("library.filters.author")}
          defaultValue={filters.author ?? ""}
          searchable={authors.length > 8}
          data={[{ value: "", label: t("library.filters.anyAuthor") }, ...authors.map((a) => ({ value: a.id, label: a.name }))]}
        />
        <Select
          {...common}
          name="status"
          label={t("library.filters.status")}
          defaultValue={filters.status ?? ""}
          data={[{ value: "", label: t("library.filters.anyStatus") }, ...STATUS_FILTERS.map((s) => ({ value: s, label: t(`library.status.${s}`) }))]}
        />
        <Button type="submit" variant="light" leftSection={<IconFilter size={16} aria-hidden />}>
          {t("library.filters.apply")}
        </Button>
        {hasFilters(filters) ? (
          <Button component={Link} to={clearHref} variant="subtle" preventScrollReset leftSection={<IconFilterOff size={16} aria-hidden />}>
            {t("library.filters.clear")}
          </Button>
        ) : null}
      </Group>
    </Form>
  );
}
