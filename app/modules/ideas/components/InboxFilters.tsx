// Filters and sort of the ideas inbox: a GET form, so the state lives in the URL (links can be
// shared, the back button works, the export links take the same filters). Without JavaScript it
// submits as a plain form; with it, empty fields are left out of the address.
import type { FormEvent } from "react";
import { Form, Link, useLocation, useNavigate } from "@remix-run/react";
import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { IconFilter, IconSearch } from "@tabler/icons-react";
import type { MessageKey } from "~/locales";
import { useT } from "~/utils/i18n-react";
import { IDEA_CATEGORIES, IDEA_STATUSES, INBOX_SORTS, UNASSIGNED, type InboxQuery } from "../inbox.schema";
import { ideaCategoryKey, ideaStatusKey } from "./IdeaBadges";

type Props = {
  query: InboxQuery;
  intakes: { id: string; title: string }[];
  tags: string[];
  assignees: { id: string; name: string }[];
  filtered: boolean;
};

export function InboxFilters({ query, intakes, tags, assignees, filtered }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value.trim()) params.set(key, value.trim());
    if (params.get("sort") === "newest") params.delete("sort");
    const qs = params.toString();
    navigate(`${location.pathname}${qs ? `?${qs}` : ""}`);
  };
  // A tag no longer in use stays selectable while it is the filter.
  const tagOptions = query.tag && !tags.includes(query.tag) ? [query.tag, ...tags] : tags;
  return (
    <Paper withBorder p="md" radius="md">
      <Form method="get" role="search" aria-label={t("ideasInbox.filter.aria")} onSubmit={onSubmit}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <TextInput
              name="q"
              type="search"
              label={t("ideasInbox.filter.q")}
              placeholder={t("ideasInbox.filter.qPlaceholder")}
              defaultValue={query.q ?? ""}
              maxLength={200}
              leftSection={<IconSearch size={16} aria-hidden />}
            />
            <Select
              name="nabor"
              label={t("ideasInbox.filter.intake")}
              placeholder={t("ideasInbox.filter.any")}
              data={intakes.map((i) => ({ value: i.id, label: i.title }))}
              defaultValue={query.intake}
              clearable
            />
            <Select
              name="status"
              label={t("ideasInbox.filter.status")}
              placeholder={t("ideasInbox.filter.any")}
              data={IDEA_STATUSES.map((s) => ({ value: s, label: t(ideaStatusKey(s)) }))}
              defaultValue={query.status}
              clearable
            />
            <Select
              name="kategoria"
              label={t("ideasInbox.filter.category")}
              placeholder={t("ideasInbox.filter.any")}
              data={IDEA_CATEGORIES.map((c) => ({ value: c, label: t(ideaCategoryKey(c)) }))}
              defaultValue={query.category}
              clearable
            />
            <Select name="tag" label={t("ideasInbox.filter.tag")} placeholder={t("ideasInbox.filter.any")} data={tagOptions} defaultValue={query.tag} searchable clearable />
            <Select
              name="osoba"
              label={t("ideasInbox.filter.assignee")}
              placeholder={t("ideasInbox.filter.anyone")}
              data={[{ value: UNASSIGNED, label: t("ideasInbox.filter.unassigned") }, ...assignees.map((a) => ({ value: a.id, label: a.name }))]}
              defaultValue={query.assignee}
              searchable
              clearable
            />
            <Select
              name="sort"
              label={t("ideasInbox.filter.sort")}
              data={INBOX_SORTS.map((s) => ({ value: s, label: t(`ideasInbox.filter.sort.${s}` as MessageKey) }))}
              defaultValue={query.sort}
              allowDeselect={false}
            />
          </SimpleGrid>
          <Group gap="xs">
            <Button type="submit" variant="light" leftSection={<IconFilter size={16} aria-hidden />}>
              {t("ideasInbox.filter.apply")}
            </Button>
            {filtered ? (
              <Button component={Link} to={location.pathname} variant="subtle">
                {t("ideasInbox.filter.clear")}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </Form>
    </Paper>
  );
}
