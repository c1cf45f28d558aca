// Filters and sort of the team's task list: a GET form, so the state lives in the URL (links can
// be shared and the back button works). Without JavaScript it submits as a plain form; with it,
// empty fields are left out of the address.
import type { FormEvent } from "react";
import { Form, Link, useLocation, useNavigate } from "@remix-run/react";
import { Button, Checkbox, Group, MultiSelect, Paper, Select, SimpleGrid, Stack } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { IconFilter } from "@tabler/icons-react";
import type { MessageKey } from "~/locales";
import { useT } from "~/utils/i18n-react";
import { DATE_FORMAT, parsePolishDate } from "../task-dates";
import { DEFAULT_DIR, TASK_SORTS, UNASSIGNED, type TaskListQuery, type TaskSort } from "../task-list";
import { TASK_STATUSES } from "../tasks.schema";
import { statusKey } from "./TaskBadges";

type Props = {
  query: TaskListQuery;
  members: { id: string; name: string }[];
  labels: string[];
  filtered: boolean;
};

export function TaskListFilters({ query, members, labels, filtered }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value) params.set(key, value);
    // A new sort starts in its natural direction (nearest deadline, most urgent first, …);
    // defaults stay out of the address.
    const sort = (params.get("sort") ?? "due") as TaskSort;
    if (sort !== query.sort || params.get("dir") === DEFAULT_DIR[sort]) params.delete("dir");
    if (sort === "due") params.delete("sort");
    const qs = params.toString();
    navigate(`${location.pathname}${qs ? `?${qs}` : ""}`);
  };
  // Keep a label that is no longer used by any task selectable while it is the filter.
  const labelOptions = query.label && !labels.includes(query.label) ? [query.label, ...labels] : labels;
  return (
    <Paper withBorder p="md" radius="md">
      <Form method="get" role="search" aria-label={t("tasks.filter.aria")} onSubmit={onSubmit}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Select
              name="assignee"
              label={t("tasks.filter.assignee")}
              placeholder={t("tasks.filter.anyone")}
              data={[{ value: UNASSIGNED, label: t("tasks.filter.unassigned") }, ...members.map((m) => ({ value: m.id, label: m.name }))]}
              defaultValue={query.assignee}
              searchable
              clearable
            />
            <MultiSelect
              name="status"
              label={t("tasks.filter.status")}
              placeholder={query.statuses.length ? undefined : t("tasks.filter.statusPlaceholder")}
              data={TASK_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
              defaultValue={query.statuses}
              clearable
            />
            <Select
              name="label"
              label={t("tasks.filter.tag")}
              placeholder={t("tasks.filter.tagAny")}
              data={labelOptions}
              defaultValue={query.label}
              searchable
              clearable
            />
            <Checkbox name="overdue" value="1" label={t("tasks.filter.overdue")} defaultChecked={query.overdue} mt={{ base: 0, lg: 30 }} />
            <DateInput name="from" label={t("tasks.filter.from")} placeholder="DD.MM.RRRR" valueFormat={DATE_FORMAT} dateParser={parsePolishDate} defaultValue={query.from} clearable />
            <DateInput name="to" label={t("tasks.filter.to")} placeholder="DD.MM.RRRR" valueFormat={DATE_FORMAT} dateParser={parsePolishDate} defaultValue={query.to} clearable />
            <Select
              name="sort"
              label={t("tasks.filter.sort")}
              data={TASK_SORTS.map((s) => ({ value: s, label: t(`tasks.filter.sort.${s}` as MessageKey) }))}
              defaultValue={query.sort}
              allowDeselect={false}
            />
            <Select
              name="dir"
              label={t("tasks.filter.dir")}
              data={[
                { value: "asc", label: t("tasks.filter.dir.asc") },
                { value: "desc", label: t("tasks.filter.dir.desc") },
              ]}
              defaultValue={query.dir}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Group gap="xs">
            <Button type="submit" variant="light" leftSection={<IconFilter size={16} aria-hidden />}>
              {t("tasks.filter.apply")}
            </Button>
            {filtered ? (
              <Button component={Link} to={location.pathname} variant="subtle">
                {t("tasks.filter.clear")}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
