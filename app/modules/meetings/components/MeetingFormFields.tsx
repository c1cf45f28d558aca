// The meeting form (new and edit): plain inputs posted as a normal form; errors are translation keys.
import type { ReactNode } from "react";
import { Form, Link, useNavigation } from "@remix-run/react";
import { Alert, Button, Card, Group, NativeSelect, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { RichTextField } from "~/components/RichTextField";
import type { MessageKey } from "~/locales";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { MEETING_KINDS } from "../meetings.schema";

export type Option = { id: string; name: string };
export type MeetingFormOptionsView = { institutions: { id: string; shortName: string; name: string }[]; workspaces: Option[]; teams: Option[] };

export const EMPTY_MEETING: Record<string, string> = {
  title: "",
  kind: "COORDINATION",
  trainingProvider: "",
  date: "",
  startTime: "10:00",
  endDate: "",
  endTime: "12:00",
  place: "",
  onlineUrl: "",
  organizerInstitutionId: "",
  workspaceId: "",
  teamId: "",
  description: "",
};

export function MeetingFormFields({ values, errors, options }: { values: Record<string, string>; errors?: FieldErrors; options: MeetingFormOptionsView }) {
  const t = useT();
  const err = useFieldError();
  const e = (k: string) => err(errors?.[k]);
  return (
    <Stack gap="md">
      <TextInput name="title" label={t("meetings.field.title")} defaultValue={values.title} error={e("title")} required maxLength={200} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          name="kind"
          label={t("meetings.field.kind")}
          defaultValue={values.kind}
          error={e("kind")}
          data={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
        />
        <TextInput
          name="trainingProvider"
          label={t("meetings.field.trainingProvider")}
          description={t("meetings.field.trainingProvider.hint")}
          defaultValue={values.trainingProvider}
          error={e("trainingProvider")}
        />
      </SimpleGrid>
      <Group grow align="flex-start" wrap="wrap">
        <TextInput type="date" name="date" label={t("meetings.field.date")} defaultValue={values.date} error={e("date")} required />
        <TextInput type="time" name="startTime" label={t("meetings.field.startTime")} description={t("meetings.field.timeHint")} defaultValue={values.startTime} error={e("startTime")} required />
        <TextInput type="time" name="endTime" label={t("meetings.field.endTime")} defaultValue={values.endTime} error={e("endTime")} required />
        <TextInput type="date" name="endDate" label={t("meetings.field.endDate")} description={t("meetings.field.endDate.hint")} defaultValue={values.endDate} error={e("endDate")} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput name="place" label={t("meetings.field.place")} description={t("meetings.field.placeHint")} defaultValue={values.place} error={e("place")} />
        <TextInput type="url" name="onlineUrl" label={t("meetings.field.onlineUrl")} defaultValue={values.onlineUrl} error={e("onlineUrl")} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          name="organizerInstitutionId"
          label={t("meetings.field.organizer")}
          defaultValue={values.organizerInstitutionId}
          error={e("organizerInstitutionId")}
          data={options.institutions.map((i) => ({ value: i.id, label: `${i.shortName} — ${i.name}` }))}
        />
        <NativeSelect
          name="workspaceId"
          label={t("meetings.field.workspace")}
          defaultValue={values.workspaceId}
          error={e("workspaceId")}
          data={[{ value: "", label: t("meetings.field.none") }, ...options.workspaces.map((w) => ({ value: w.id, label: w.name }))]}
        />
        <NativeSelect
          name="teamId"
          label={t("meetings.field.team")}
          defaultValue={values.teamId}
          error={e("teamId")}
          data={[{ value: "", label: t("meetings.field.none") }, ...options.teams.map((w) => ({ value: w.id, label: w.name }))]}
        />
      </SimpleGrid>
      <RichTextField name="description" label={t("meetings.field.description")} defaultValue={values.description} error={e("description")} />
    </Stack>
  );
}

/** The whole page of the meeting form (new and edit): title, the error summary, the fields, cancel and submit. */
export function MeetingFormPage({
  titleKey,
  submitKey,
  cancelTo,
  values,
  errors,
  options,
  hidden,
}: {
  titleKey: MessageKey;
  submitKey: MessageKey;
  cancelTo: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  options: MeetingFormOptionsView;
  /** Hidden inputs posted with the form (e.g. the version being edited). */
  hidden?: ReactNode;
}) {
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  return (
    <Stack gap="md" maw={960}>
      <Title order={2}>{t(titleKey)}</Title>
      {errors ? (
        <Alert color="red" variant="light" role="alert">
          {err(errors._form) ?? t("form.fixErrors")}
        </Alert>
      ) : null}
      <Card withBorder padding="lg">
        <Form method="post" noValidate>
          {hidden}
          <Stack gap="lg">
            <MeetingFormFields values={values} errors={errors} options={options} />
            <Group justify="flex-end">
              <Button component={Link} to={cancelTo} variant="default">
                {t("meetings.form.cancel")}
              </Button>
              <Button type="submit" loading={busy}>
                {t(submitKey)}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Card>
    </Stack>
  );
}
