// The fields of a task (create and edit share them). Uncontrolled: the initial values come from
// the loader (or from what the person typed, when the server refused the form), and the form posts
// plain fields — helpers and labels as comma-separated hidden inputs, the description as HTML.
import { MultiSelect, Select, SimpleGrid, Stack, TagsInput, TextInput } from "@mantine/core";
import { DateInput, TimeInput } from "@mantine/dates";
import { RichTextField } from "~/components/RichTextField";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { DATE_FORMAT, parsePolishDate } from "../task-dates";
import { LABEL_MAX, LABELS_MAX, TASK_PRIORITIES, TITLE_MAX } from "../tasks.schema";
import { priorityKey } from "./TaskBadges";

export type TaskFormValues = {
  title: string;
  description: string;
  assigneeId: string;
  helperIds: string[];
  dueDate: string;
  dueTime: string;
  priority: string;
  labels: string[];
};

export type MemberOption = { id: string; name: string; role?: string; institutionShortName: string | null };

export const EMPTY_TASK: TaskFormValues = { title: "", description: "", assigneeId: "", helperIds: [], dueDate: "", dueTime: "", priority: "NORMAL", labels: [] };

const split = (v: string | undefined) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);

/** What the person typed (as the action echoes it back) in the form's shape. */
export function valuesFromForm(v: Record<string, string> | undefined, fallback: TaskFormValues): TaskFormValues {
  if (!v) return fallback;
  return {
    title: v.title ?? "",
    description: v.description ?? "",
    assigneeId: v.assigneeId ?? "",
    helperIds: split(v.helperIds),
    dueDate: v.dueDate ?? "",
    dueTime: v.dueTime ?? "",
    priority: v.priority || "NORMAL",
    labels: split(v.labels),
  };
}

export function TaskFormFields({ values, errors = {}, members }: { values: TaskFormValues; errors?: FieldErrors; members: MemberOption[] }) {
  const t = useT();
  const err = useFieldError();
  const people = members.map((m) => ({
    value: m.id,
    label: [m.name, m.institutionShortName ? `(${m.institutionShortName})` : null, m.role === "LEAD" ? `· ${t("tasks.form.leadLabel")}` : null].filter(Boolean).join(" "),
  }));
  // A person no longer in the team (e.g. the assignee left) stays visible in the select.
  const known = new Set(people.map((p) => p.value));
  const missing = [values.assigneeId, ...values.helperIds].filter((id) => id && !known.has(id));
  const data = [...people, ...[...new Set(missing)].map((id) => ({ value: id, label: id }))];
  return (
    <Stack gap="md">
      <TextInput
        name="title"
        label={t("tasks.form.title")}
        description={t("tasks.form.titleHint")}
        required
        maxLength={TITLE_MAX}
        defaultValue={values.title}
        error={err(errors.title)}
      />
      <RichTextField name="description" label={t("tasks.form.description")} description={t("tasks.form.descriptionHint")} defaultValue={values.description} error={err(errors.description)} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          name="assigneeId"
          label={t("tasks.form.assignee")}
          description={t("tasks.form.assigneeHint")}
          placeholder={t("tasks.form.assigneePlaceholder")}
          data={data}
          defaultValue={values.assigneeId || null}
          searchable
          clearable
          nothingFoundMessage={t("tasks.form.noneFound")}
          error={err(errors.assigneeId)}
        />
        <MultiSelect
          name="helperIds"
          label={t("tasks.form.helpers")}
          description={t("tasks.form.helpersHint")}
          placeholder={values.helperIds.length ? undefined : t("tasks.form.helpersPlaceholder")}
          data={data}
          defaultValue={values.helperIds}
          searchable
          clearable
          hidePickedOptions
          nothingFoundMessage={t("tasks.form.noneFound")}
          error={err(errors.helperIds)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateInput
          name="dueDate"
          label={t("tasks.form.dueDate")}
          description={t("tasks.form.dueDateHint")}
          placeholder="DD.MM.RRRR"
          valueFormat={DATE_FORMAT}
          dateParser={parsePolishDate}
          defaultValue={values.dueDate || null}
          clearable
          error={err(errors.dueDate)}
        />
        <TimeInput name="dueTime" label={t("tasks.form.dueTime")} description={t("tasks.form.dueTimeHint")} defaultValue={values.dueTime} error={err(errors.dueTime)} />
        <Select
          name="priority"
          label={t("tasks.form.priority")}
          data={TASK_PRIORITIES.map((p) => ({ value: p, label: t(priorityKey(p)) }))}
          defaultValue={values.priority || "NORMAL"}
          allowDeselect={false}
          error={err(errors.priority)}
        />
      </SimpleGrid>
      <TagsInput
        name="labels"
        label={t("tasks.form.labels")}
        description={t("tasks.form.labelsHint", { max: LABELS_MAX })}
        defaultValue={values.labels}
        maxTags={LABELS_MAX}
        maxLength={LABEL_MAX}
        splitChars={[",", "Enter"]}
        clearable
        error={err(errors.labels)}
      />
    </Stack>
  );
}
