// Board filters: assignee, label, "tylko moje". A plain GET form (works without JavaScript, the
// URL can be shared); applying filters starts each column again at its first page.
import { Form, Link, useLocation } from "@remix-run/react";
import { Button, Checkbox, Group, NativeSelect } from "@mantine/core";
import { IconFilter, IconFilterOff } from "@tabler/icons-react";
import { useT } from "~/utils/i18n-react";
import { NO_ASSIGNEE } from "../board.schema";

type Props = {
  filters: { assignee: string | null; label: string | null; mine: boolean };
  people: { id: string; name: string }[];
  labels: string[];
  filtered: boolean;
};

export function BoardFilters({ filters, people, labels, filtered }: Props) {
  const t = useT();
  const location = useLocation();
  // Keyed by the applied filters: after "Wyczyść filtry" (or back/forward) the fields show the URL's values.
  const key = `${filters.assignee}|${filters.label}|${filters.mine}`;
  const labelOptions = filters.label && !labels.includes(filters.label) ? [...labels, filters.label] : labels;
  return (
    <Form method="get" role="search" aria-label={t("taskViews.filters.label")} preventScrollReset key={key}>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <NativeSelect
          name="osoba"
          label={t("taskViews.filters.assignee")}
          defaultValue={filters.assignee ?? ""}
          w={{ base: "100%", xs: 220 }}
          data={[
            { value: "", label: t("taskViews.filters.anyAssignee") },
            { value: NO_ASSIGNEE, label: t("taskViews.filters.noAssignee") },
            ...people.map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        <NativeSelect
          name="etykieta"
          label={t("taskViews.filters.label.field")}
          defaultValue={filters.label ?? ""}
          w={{ base: "100%", xs: 200 }}
          data={[{ value: "", label: t("taskViews.filters.anyLabel") }, ...labelOptions.map((l) => ({ value: l, label: l }))]}
        />
        <Checkbox name="moje" value="1" defaultChecked={filters.mine} label={t("taskViews.filters.mine")} mb={8} />
        <Button type="submit" variant="light" leftSection={<IconFilter size={16} aria-hidden />}>
          {t("taskViews.filters.apply")}
        </Button>
        {filtered ? (
          <Button component={Link} to={location.pathname} variant="subtle" preventScrollReset leftSection={<IconFilterOff size={16} aria-hidden />}>
            {t("taskViews.filters.clear")}
          </Button>
        ) : null}
      </Group>
    </Form>
  );
}
