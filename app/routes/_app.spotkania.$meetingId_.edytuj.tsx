import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Button, Card, Group, Stack, Title } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { requireMeeting } from "~/modules/meetings/access.server";
import { MeetingFormFields } from "~/modules/meetings/components/MeetingFormFields";
import { meetingFieldsSchema, versionField } from "~/modules/meetings/meetings.schema";
import { fieldsOf, meetingFormOptions, meetingUrl, updateMeeting } from "~/modules/meetings/meetings.server";
import { db } from "~/utils/db.server";
import { fieldErrors, formToObject, type FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} — edycja — Razem` : "Razem" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = await requireMeeting(user, params.meetingId ?? "", "edit", { ip: requestMeta(request, context).ip });
  const [m, options] = await Promise.all([db.meeting.findUniqueOrThrow({ where: { id: ctx.meeting.id } }), meetingFormOptions(user)]);
  // The current organiser stays selectable even for someone who could not pick it themselves.
  if (!options.institutions.some((i) => i.id === m.organizerInstitutionId)) {
    const inst = await db.institution.findUniqueOrThrow({ where: { id: m.organizerInstitutionId }, select: { id: true, shortName: true, name: true } });
    options.institutions.push(inst);
  }
  return { id: m.id, title: m.title, version: m.version, values: fieldsOf(m), options };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const ctx = await requireMeeting(user, params.meetingId ?? "", "edit", { ip: meta.ip });
  const values = formToObject(await request.formData());
  const parsed = meetingFieldsSchema.safeParse(values);
  const version = versionField.safeParse(values.version);
  if (!parsed.success || !version.success)
    return data<{ errors: FieldErrors; values: Record<string, string> }>({ errors: parsed.success ? { _form: "validation.invalid" } : fieldErrors(parsed.error), values }, { status: 400 });
  const result = await updateMeeting(user, ctx, parsed.data, version.data, { ip: meta.ip });
  if (!result.ok) {
    if (result.status === 409) return data<{ errors: FieldErrors; values: Record<string, string> }>({ errors: { _form: "meetings.conflict" }, values }, { status: 409 });
    return data<{ errors: FieldErrors; values: Record<string, string> }>({ errors: result.errors, values }, { status: 400 });
  }
  return redirectWithToast(meetingUrl(ctx.meeting.id), { key: "meetings.saved" });
}

export default function EditMeeting() {
  const { id, version, values, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  return (
    <Stack gap="md" maw={960}>
      <Title order={2}>{t("meetings.editTitle")}</Title>
      {actionData?.errors ? (
        <Alert color="red" variant="light" role="alert">
          {err(actionData.errors._form) ?? t("form.fixErrors")}
        </Alert>
      ) : null}
      <Card withBorder padding="lg">
        <Form method="post" noValidate>
          <input type="hidden" name="version" value={version} />
          <Stack gap="lg">
            <MeetingFormFields values={actionData?.values ?? values} errors={actionData?.errors} options={options} />
            <Group justify="flex-end">
              <Button component={Link} to={`/spotkania/${id}`} variant="default">
                {t("meetings.form.cancel")}
              </Button>
              <Button type="submit" loading={busy}>
                {t("meetings.form.save")}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Card>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
