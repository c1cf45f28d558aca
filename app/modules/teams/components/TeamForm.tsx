import { useState } from "react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { Button, Group, MultiSelect, Radio, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconCalendar } from "@tabler/icons-react";
import { FormError } from "~/components/FormError";
import { RichTextField } from "~/components/RichTextField";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { NAME_MAX, TEAM_CADENCES, TEAM_KINDS } from "../teams.schema";

export type TeamFormValues = Partial<
  Record<"name" | "mandate" | "kind" | "cadence" | "termStart" | "termEnd" | "workspaceId" | "leadId" | "memberIds" | "version", string | number | null>
>;

export type PersonOptionData = { id: string; name: string; email: string; institution: { shortName: string; name: string } | null };

/** Select data grouped by institution ("BKPPT — Bełchatowsko-…"), people by name inside. */
export function peopleByInstitution(people: PersonOptionData[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const p of people) {
    const group = p.institution ? `${p.institution.shortName} — ${p.institution.name}` : "—";
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push({ value: p.id, label: `${p.name} (${p.email})` });
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}

type Props = {
  values?: TeamFormValues;
  errors?: FieldErrors;
  workspaces: { id: string; name: string }[];
  /** Only when forming a team: the lead and members are picked here (later in the members section). */
  people?: PersonOptionData[];
  submitLabel: string;
  cancelTo: string;
};

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

/** Forming and editing a team share this form; errors arrive as translation keys from the server. */
export function TeamForm({ values = {}, errors = {}, workspaces, people, submitLabel, cancelTo }: Props) {
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  const [kind, setKind] = useState(str(values.kind) || "TEMPORARY");
  const [termStart, setTermStart] = useState<string | null>(str(values.termStart) || null);
  const [termEnd, setTermEnd] = useState<string | null>(str(values.termEnd) || null);
  const [leadId, setLeadId] = useState<string | null>(str(values.leadId) || null);
  const [memberIds, setMemberIds] = useState<string[]>(str(values.memberIds).split(",").filter(Boolean));
  const peopleData = people ? peopleByInstitution(people) : [];
  const memberData = peopleData.map((g) => ({ ...g, items: g.items.filter((i) => i.value !== leadId) })).filter((g) => g.items.length > 0);
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="save" />
      {values.version ? <input type="hidden" name="version" value={str(values.version)} /> : null}
      <Stack>
        <FormError message={err(errors._form)} />
        <TextInput
          name="name"
          label={t("teams.form.name")}
          description={t("teams.form.nameHint")}
          required
          defaultValue={str(values.name)}
          error={err(errors.name)}
          maxLength={NAME_MAX}
        />
        <RichTextField
          name="mandate"
          label={t("teams.form.mandate")}
          description={t("teams.form.mandateHint")}
          required
          defaultValue={str(values.mandate)}
          error={err(errors.mandate)}
        />
        <Radio.Group name="kind" label={t("teams.form.kind")} required value={kind} onChange={setKind} error={err(errors.kind)}>
          <Stack gap="xs" mt={6}>
            {TEAM_KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`teams.kind.${k}`)} description={t(`teams.form.kindHint.${k}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {kind === "PERIODIC" ? (
          <Select
            name="cadence"
            label={t("teams.form.cadence")}
            description={t("teams.form.cadenceHint")}
            required
            allowDeselect={false}
            defaultValue={str(values.cadence) || "MONTHLY"}
            data={TEAM_CADENCES.map((c) => ({ value: c, label: t(`teams.cadence.${c}`) }))}
            error={err(errors.cadence)}
            w={{ base: "100%", sm: 280 }}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DatePickerInput
            name="termStart"
            label={t("teams.form.termStart")}
            description={t("teams.form.termStartHint")}
            placeholder={t("teams.form.datePlaceholder")}
            required
            value={termStart}
            onChange={setTermStart}
            valueFormat="D MMMM YYYY"
            leftSection={<IconCalendar size={16} aria-hidden />}
            error={err(errors.termStart)}
          />
          <DatePickerInput
            name="termEnd"
            label={t(kind === "TEMPORARY" ? "teams.form.termEnd" : "teams.form.termEndOptional")}
            description={t(kind === "TEMPORARY" ? "teams.form.termEndHint" : "teams.form.termEndPeriodicHint")}
            placeholder={t("teams.form.datePlaceholder")}
            required={kind === "TEMPORARY"}
            clearable
            value={termEnd}
            onChange={setTermEnd}
            minDate={termStart ?? undefined}
            valueFormat="D MMMM YYYY"
            leftSection={<IconCalendar size={16} aria-hidden />}
            error={err(errors.termEnd)}
          />
        </SimpleGrid>
        <Select
          name="workspaceId"
          label={t("teams.form.workspace")}
          description={t("teams.form.workspaceHint")}
          placeholder={t("teams.form.workspaceNone")}
          clearable
          searchable
          nothingFoundMessage={t("teams.form.nothingFound")}
          defaultValue={str(values.workspaceId) || null}
          data={workspaces.map((w) => ({ value: w.id, label: w.name }))}
          error={err(errors.workspaceId)}
        />
        {people ? (
          <>
            <Select
              name="leadId"
              label={t("teams.form.lead")}
              description={t("teams.form.leadHint")}
              placeholder={t("teams.form.personPlaceholder")}
              required
              searchable
              nothingFoundMessage={t("teams.form.nothingFound")}
              value={leadId}
              onChange={(v) => {
                setLeadId(v);
                setMemberIds((ids) => ids.filter((id) => id !== v));
              }}
              data={peopleData}
              error={err(errors.leadId)}
            />
            <MultiSelect
              name="memberIds"
              label={t("teams.form.members")}
              description={t("teams.form.membersHint")}
              placeholder={memberIds.length ? undefined : t("teams.form.membersPlaceholder")}
              searchable
              clearable
              hidePickedOptions
              nothingFoundMessage={t("teams.form.nothingFound")}
              value={memberIds}
              onChange={setMemberIds}
              data={memberData}
              error={err(errors.memberIds)}
            />
            <Text size="sm" c="dimmed">
              {t("teams.form.statusHint")}
            </Text>
          </>
        ) : null}
        <Group>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
          <Button component={Link} to={cancelTo} variant="default">
            {t("form.cancel")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
