import type { FormEvent } from "react";
import { Form, Link, useSubmit } from "@remix-run/react";
import { Button, Group, NativeSelect, SimpleGrid, Text, TextInput, type ComboboxData } from "@mantine/core";
import { IconDownload, IconFilter } from "@tabler/icons-react";
import { useFieldError, useT } from "~/utils/i18n-react";
import type { AuditQuery, AuditQueryValues } from "../audit-filters";
import { ACTION_GROUPS, actionGroupLabel, actionLabel, entityTypeLabel, KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from "../audit-format";

export type AuditFilterOptions = {
  actors: { id: string; name: string; email: string; deactivated: boolean }[];
  institutions: { id: string; shortName: string; name: string; deleted: boolean }[];
  actorsTruncated: boolean;
  actorsLimit: number;
};

/** Keeps a value that is in the URL but not among the choices, so the select shows what is applied. */
function withCurrent(data: ComboboxData, values: string[], current: string): ComboboxData {
  return current && !values.includes(current) ? [...data, { value: current, label: current }] : data;
}

/**
 * A plain GET form: works before JavaScript loads, and the filters stay in the URL (shareable,
 * back button). Native selects and date inputs for the same reason.
 */
export function AuditFilters({
  action,
  csvHref,
  values,
  errors,
  options,
}: {
  action: string;
  csvHref: string | null;
  values: AuditQueryValues;
  errors: AuditQuery["errors"];
  options: AuditFilterOptions;
}) {
  const t = useT();
  const err = useFieldError();
  const submit = useSubmit();

  // With JavaScript, leave empty fields out of the URL (`?type=User`, not `?actor=&type=User&…`).
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string" && value) params.append(key, value);
    submit(params, { method: "get", action });
  };

  const actorData = withCurrent(
    [
      { value: "", label: t("audit.filter.actorAll") },
      ...options.actors.map((a) => ({
        value: a.id,
        label: `${a.name} <${a.email}>${a.deactivated ? ` (${t("audit.filter.deactivated")})` : ""}`,
      })),
    ],
    options.actors.map((a) => a.id),
    values.actor,
  );
  const institutionData = withCurrent(
    [
      { value: "", label: t("audit.filter.institutionAll") },
      ...options.institutions.map((i) => ({
        value: i.id,
        label: `${i.shortName} — ${i.name}${i.deleted ? ` (${t("audit.filter.deleted")})` : ""}`,
      })),
    ],
    options.institutions.map((i) => i.id),
    values.institution,
  );
  const typeData = withCurrent(
    [{ value: "", label: t("audit.filter.entityTypeAll") }, ...KNOWN_ENTITY_TYPES.map((e) => ({ value: e, label: entityTypeLabel(t, e) }))],
    [...KNOWN_ENTITY_TYPES],
    values.type,
  );
  const actionData = withCurrent(
    [
      { value: "", label: t("audit.filter.actionAll") },
      { group: t("audit.filter.actionGroups"), items: ACTION_GROUPS.map((g) => ({ value: `${g}.`, label: actionGroupLabel(t, g) })) },
      { group: t("audit.filter.actionSingle"), items: KNOWN_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) })) },
    ],
    [...ACTION_GROUPS.map((g) => `${g}.`), ...KNOWN_ACTIONS],
    values.action,
  );

  return (
    <Form method="get" action={action} onSubmit={onSubmit} aria-label={t("audit.filters")}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <NativeSelect name="actor" label={t("audit.filter.actor")} data={actorData} defaultValue={values.actor} />
        <NativeSelect name="institution" label={t("audit.filter.institution")} data={institutionData} defaultValue={values.institution} />
        <NativeSelect name="type" label={t("audit.filter.entityType")} data={typeData} defaultValue={values.type} />
        <NativeSelect name="action" label={t("audit.filter.action")} data={actionData} defaultValue={values.action} />
        <TextInput
          type="date"
          name="from"
          label={t("audit.filter.from")}
          description={t("audit.filter.datesHint")}
          defaultValue={values.from}
          error={err(errors.from)}
        />
        <TextInput
          type="date"
          name="to"
          label={t("audit.filter.to")}
          description={t("audit.filter.datesHint")}
          defaultValue={values.to}
          error={err(errors.to)}
        />
      </SimpleGrid>
      {options.actorsTruncated ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t("audit.filter.actorsTruncated", { count: options.actorsLimit })}
        </Text>
      ) : null}
      <Group mt="md" gap="sm">
        <Button type="submit" leftSection={<IconFilter size={16} aria-hidden />}>
          {t("audit.filter.submit")}
        </Button>
        <Button component={Link} to={action} variant="subtle">
          {t("audit.filter.clear")}
        </Button>
        {csvHref ? (
          // A plain link, not <Link>: the CSV is a resource route the browser downloads.
          <Button component="a" href={csvHref} variant="light" leftSection={<IconDownload size={16} aria-hidden />} title={t("audit.exportHint")}>
            {t("audit.export")}
          </Button>
        ) : null}
      </Group>
    </Form>
  );
}
