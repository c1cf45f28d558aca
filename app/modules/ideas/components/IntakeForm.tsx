import { Form, Link, useNavigation } from "@remix-run/react";
import { Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { DateInput } from "@mantine/dates";
import { DATE_FORMAT, parsePolishDate } from "~/modules/tasks/task-dates";
import type { FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { INTAKE_INTRO_MAX, INTAKE_TITLE_MAX } from "../intakes.schema";

export type IntakeFormValues = {
  id?: string;
  title: string;
  intro: string;
  opensOn: string;
  closesOn: string;
  workspaceId: string;
  publicList: boolean;
};

type Props = {
  values: IntakeFormValues;
  errors?: FieldErrors;
  workspaces: { id: string; name: string }[];
  cancelTo: string;
};

/** Create or edit an intake period; plain POST, works without JavaScript. */
export function IntakeForm({ values, errors = {}, workspaces, cancelTo }: Props) {
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  const editing = !!values.id;
  const heading = editing ? t("ideasPublic.intakes.editNamed", { title: values.title }) : t("ideasPublic.intakes.new");
  // A designated workspace the editor no longer sees stays selectable (keeping it is allowed).
  const options = values.workspaceId && !workspaces.some((w) => w.id === values.workspaceId) ? [...workspaces, { id: values.workspaceId, name: values.workspaceId }] : workspaces;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="intake-form-heading">
      <Form method="post" noValidate>
        <Stack gap="md">
          <Title order={2} fz="h3" id="intake-form-heading">
            {heading}
          </Title>
          <input type="hidden" name="intent" value={editing ? "update" : "create"} />
          {editing ? <input type="hidden" name="id" value={values.id} /> : null}
          <TextInput
            name="title"
            label={t("ideasPublic.intakes.field.title")}
            description={t("ideasPublic.intakes.field.titleHint")}
            required
            maxLength={INTAKE_TITLE_MAX}
            defaultValue={values.title}
            error={err(errors.title)}
          />
          <Textarea
            name="intro"
            label={t("ideasPublic.intakes.field.intro")}
            description={t("ideasPublic.intakes.field.introHint")}
            autosize
            minRows={4}
            maxRows={12}
            maxLength={INTAKE_INTRO_MAX}
            defaultValue={values.intro}
            error={err(errors.intro)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateInput
              name="opensOn"
              label={t("ideasPublic.intakes.field.opensOn")}
              placeholder="DD.MM.RRRR"
              valueFormat={DATE_FORMAT}
              dateParser={parsePolishDate}
              defaultValue={values.opensOn || null}
              required
              error={err(errors.opensOn)}
            />
            <DateInput
              name="closesOn"
              label={t("ideasPublic.intakes.field.closesOn")}
              description={t("ideasPublic.intakes.field.closesOnHint")}
              placeholder="DD.MM.RRRR"
              valueFormat={DATE_FORMAT}
              dateParser={parsePolishDate}
              defaultValue={values.closesOn || null}
              clearable
              error={err(errors.closesOn)}
            />
          </SimpleGrid>
          <NativeSelect
            name="workspaceId"
            label={t("ideasPublic.intakes.field.workspace")}
            description={t("ideasPublic.intakes.field.workspaceHint")}
            defaultValue={values.workspaceId}
            data={[{ value: "", label: t("ideasPublic.intakes.field.noWorkspace") }, ...options.map((w) => ({ value: w.id, label: w.name }))]}
            error={err(errors.workspaceId)}
          />
          <Checkbox
            name="publicList"
            label={t("ideasPublic.intakes.field.publicList")}
            description={t("ideasPublic.intakes.field.publicListHint")}
            defaultChecked={values.publicList}
          />
          <Group gap="sm">
            <Button type="submit" loading={busy}>
              {editing ? t("ideasPublic.intakes.save") : t("ideasPublic.intakes.create")}
            </Button>
            <Button component={Link} to={cancelTo} variant="default">
              {t("ideasPublic.intakes.cancel")}
            </Button>
          </Group>
        </Stack>
      </Form>
    </Card>
  );
}
