import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Button, Card, Group, Stack, Title } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { EMPTY_MEETING, MeetingFormFields } from "~/modules/meetings/components/MeetingFormFields";
import { meetingFieldsSchema } from "~/modules/meetings/meetings.schema";
import { createMeeting, meetingFormOptions, meetingUrl } from "~/modules/meetings/meetings.server";
import { fieldErrors, formToObject, type FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Nowe spotkanie — Razem" }];

/** Anyone signed in may open the form; whether they may create is checked against the chosen workspace/team. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const options = await meetingFormOptions(user);
  return { options, defaults: { ...EMPTY_MEETING, organizerInstitutionId: user.institutionId ?? options.institutions[0]?.id ?? "" } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const values = formToObject(await request.formData());
  const parsed = meetingFieldsSchema.safeParse(values);
  if (!parsed.success) return data<{ errors: FieldErrors; values: Record<string, string> }>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await createMeeting(user, parsed.data, { ip: meta.ip });
  if (!result.ok && result.status === 403) await authorize(user, false, { action: "meeting.create", entityType: "Meeting", ip: meta.ip });
  if (!result.ok) return data<{ errors: FieldErrors; values: Record<string, string> }>({ errors: "errors" in result ? result.errors : { _form: "meetings.conflict" }, values }, { status: 400 });
  return redirectWithToast(meetingUrl(result.id), { key: "meetings.created", vars: { title: parsed.data.title } });
}

export default function NewMeeting() {
  const { options, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  return (
    <Stack gap="md" maw={960}>
      <Title order={2}>{t("meetings.newTitle")}</Title>
      {actionData?.errors ? (
        <Alert color="red" variant="light" role="alert">
          {err(actionData.errors._form) ?? t("form.fixErrors")}
        </Alert>
      ) : null}
      <Card withBorder padding="lg">
        <Form method="post" noValidate>
          <Stack gap="lg">
            <MeetingFormFields values={actionData?.values ?? defaults} errors={actionData?.errors} options={options} />
            <Group justify="flex-end">
              <Button component={Link} to="/spotkania" variant="default">
                {t("meetings.form.cancel")}
              </Button>
              <Button type="submit" loading={busy}>
                {t("meetings.form.create")}
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
