// The form of a recurring task (create and edit share it). Uncontrolled except for the rhythm,
// which decides whether the day is a weekday (Select, 1–7) or a day of the month (NumberInput,
// 1–31); the first deadline is a Polish DD.MM.YYYY date field that posts YYYY-MM-DD.
import { useState } from "react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { RichTextField } from "~/components/RichTextField";
import type { MessageKey } from "~/locales";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { isCadence, MONTH_DAY_MAX, RECURRENCE_CADENCES, WEEKDAYS, type RecurrenceCadence } from "../recurrence.schema";
import { DATE_FORMAT, parsePolishDate } from "../task-dates";
import { TASK_PRIORITIES, TITLE_MAX } from "../tasks.schema";
import { priorityKey } from "./TaskBadges";

export type RecurrenceFormValues = {
  title: string;
  description: string;
  assigneeId: string;
  priority: string;
  cadence: string;
  day: string;
  startDate: string;
};

export type RecurrenceMemberOption = { id: string; name: string; role?: string; institutionShortName: string | null };

/** A new rule starts in the team's own rhythm. */
export function emptyRecurrence(cadence: string | null): RecurrenceFormValues {
  return { title: "", description: "", assigneeId: "", priority: "NORMAL", cadence: isCadence(cadence) ? cadence : "MONTHLY", day: "", startDate: "" };
}

/** What the person typed (as the action echoes it back) in the form's shape. */
export function recurrenceValuesFromForm(v: Record<string, string> | undefined, fallback: RecurrenceFormValues): RecurrenceFormValues {
  if (!v) return fallback;
  return {
    title: v.title ?? "",
    description: v.description ?? "",
    assigneeId: v.assigneeId ?? "",
    priority: v.priority || "NORMAL",
    cadence: v.cadence ?? fallback.cadence,
    day: v.day ?? "",
    startDate: parsePolishDate(v.startDate ?? "") ?? "",
  };
}

type Props = {
  /** Editing this recurrence; null for a new one. */
  id: string | null;
  values: RecurrenceFormValues;
  errors?: FieldErrors;
  members: RecurrenceMemberOption[];
  /** Shown under the first deadline: the term's end, already formatted, or null. */
  termEndText: string | null;
  cancelTo: string;
};

export function RecurrenceForm({ id, values, errors = {}, members, termEndText, cancelTo }: Props) {
  const t = useT();
  const err = useFieldError();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === (id ? "update" : "create");
  const [cadence, setCadence] = useState<RecurrenceCadence>(isCadence(values.cadence) ? values.cadence : "MONTHLY");
  const weekly = cadence === "WEEKLY";
  const people = members.map((m) => ({
    value: m.id,
    label: [m.name, m.institutionShortName ? `(${m.institutionShortName})` : null, m.role === "LEAD" ? `· ${t("tasks.form.leadLabel")}` : null].filter(Boolean).join(" "),
  }));
  // A person no longer in the team (the assignee left) stays visible, so the form says who it was.
  const data = values.assigneeId && !people.some((p) => p.value === values.assigneeId) ? [...people, { value: values.assigneeId, label: values.assigneeId }] : people;
  // The day typed for one rhythm means nothing for the other: start afresh when it changes.
  const day = (values.cadence === "WEEKLY") === weekly ? values.day : "";
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value={id ? "update" : "create"} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <Stack gap="md">
        {id ? (
          <Alert color="blue" variant="light">
            {t("recurrences.form.editNote")}
          </Alert>
        ) : null}
        {members.length === 0 ? (
          <Alert color="blue" variant="light">
            {t("recurrences.form.noMembers")}
          </Alert>
        ) : null}
        <TextInput
          name="title"
          label={t("recurrences.form.title")}
          description={t("recurrences.form.titleHint")}
          required
          maxLength={TITLE_MAX}
          defaultValue={values.title}
          error={err(errors.title)}
        />
        <RichTextField
          name="description"
          label={t("recurrences.form.description")}
          description={t("recurrences.form.descriptionHint")}
          defaultValue={values.description}
          error={err(errors.description)}
          minHeight={100}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            name="assigneeId"
            label={t("recurrences.form.assignee")}
            description={t("recurrences.form.assigneeHint")}
            placeholder={t("recurrences.form.assigneePlaceholder")}
            data={data}
            defaultValue={values.assigneeId || null}
            searchable
            clearable
            nothingFoundMessage={t("recurrences.form.noneFound")}
            error={err(errors.assigneeId)}
          />
          <Select
            name="priority"
            label={t("recurrences.form.priority")}
            data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(priorityKey(p)) }))}
            defaultValue={values.priority || "NORMAL"}
            allowDeselect={false}
            error={err(errors.priority)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            name="cadence"
            label={t("recurrences.form.cadence")}
            description={t("recurrences.form.cadenceHint")}
            data={RECURRENCE_CADENCES.map((c) => ({ value: c, label: t(`recurrences.cadence.${c}`) }))}
            value={cadence}
            onChange={(v) => isCadence(v) && setCadence(v)}
            allowDeselect={false}
            required
            error={err(errors.cadence)}
          />
          {weekly ? (
            <Select
              key="weekday"
              name="day"
              label={t("recurrences.form.weekday")}
              description={t("recurrences.form.weekdayHint")}
              placeholder={t("recurrences.form.weekdayPlaceholder")}
              data={WEEKDAYS.map((d) => ({ value: String(d), label: t(`recurrences.weekday.${d}` as MessageKey) }))}
              defaultValue={day || null}
              allowDeselect={false}
              required
              error={err(errors.day)}
            />
          ) : (
            <NumberInput
              key="monthDay"
              name="day"
              label={t("recurrences.form.monthDay")}
              description={t("recurrences.form.monthDayHint")}
              min={1}
              max={MONTH_DAY_MAX}
              allowDecimal={false}
              allowNegative={false}
              clampBehavior="none"
              defaultValue={day}
              required
              error={err(errors.day)}
            />
          )}
          <DateInput
            name="startDate"
            label={t("recurrences.form.startDate")}
            description={t("recurrences.form.startDateHint")}
            placeholder="DD.MM.RRRR"
            valueFormat={DATE_FORMAT}
            dateParser={parsePolishDate}
            defaultValue={values.startDate || null}
            required
            error={err(errors.startDate)}
          />
        </SimpleGrid>
        {termEndText ? (
          <Text size="sm" c="dimmed">
            {t("recurrences.form.termEnd", { date: termEndText })}
          </Text>
        ) : null}
        <Group justify="flex-end">
          {id ? (
            <Button component={Link} to={cancelTo} variant="default">
              {t("recurrences.form.cancel")}
            </Button>
          ) : null}
          <Button type="submit" loading={busy}>
            {t(id ? "recurrences.form.save" : "recurrences.form.create")}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
