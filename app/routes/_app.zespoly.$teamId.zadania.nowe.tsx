import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { EMPTY_TASK, TaskFormFields, valuesFromForm } from "~/modules/tasks/components/TaskFormFields";
import { teamMembers } from "~/modules/tasks/task-list.server";
import { taskUrl, teamUrls } from "~/modules/tasks/task-urls";
import { taskFieldsSchema } from "~/modules/tasks/tasks.schema";
import { createTask } from "~/modules/tasks/tasks.server";
import { requireTeam } from "~/modules/teams/access.server";
import { fieldErrors, formToObject, type FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Nowe zadanie — ${data.team.name} — Razem` : "Razem" }];

/** The lead, a coordinator of a member or an administrator creates tasks (403 for others, 404 outside). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { team } = await requireTeam(user, params.teamId ?? "", "createTask", requestMeta(request, context).ip);
  return { team: { id: team.id, name: team.name }, members: await teamMembers(team.id) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const ctx = await requireTeam(user, params.teamId ?? "", "createTask", meta.ip);
  const formData = await request.formData();
  const values = formToObject(formData);
  const helpers = formData.getAll("helperIds").filter((v): v is string => typeof v === "string");
  if (helpers.length > 1) values.helperIds = helpers.join(",");
  const parsed = taskFieldsSchema.safeParse(values);
  if (!parsed.success) return data<{ errors: FieldErrors; values: Record<string, string> }>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await createTask(user, ctx, parsed.data, { ip: meta.ip });
  if (!result.ok) return data<{ errors: FieldErrors; values: Record<string, string> }>({ errors: "errors" in result ? result.errors : { _form: "tasks.gone" }, values }, { status: 400 });
  return redirectWithToast(taskUrl(ctx.team.id, result.id), { key: "tasks.created", vars: { title: parsed.data.title } });
}

export default function NewTask() {
  const { team, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  const values = valuesFromForm(actionData?.values, EMPTY_TASK);
  return (
    <Stack gap="md" maw={860}>
      <Stack gap={4}>
        <Title order={2}>{t("tasks.newTitle")}</Title>
        <Text c="dimmed">{t("tasks.newIntro")}</Text>
      </Stack>
      {members.length === 0 ? (
        <Alert color="blue" variant="light">
          {t("tasks.form.noMembers")}
        </Alert>
      ) : null}
      {actionData?.errors ? (
        <Alert color="red" variant="light" role="alert">
          {err(actionData.errors._form) ?? t("form.fixErrors")}
        </Alert>
      ) : null}
      <Card withBorder padding="lg">
        <Form method="post" noValidate>
          <Stack gap="lg">
            <TaskFormFields values={values} errors={actionData?.errors} members={members} />
            <Group justify="flex-end">
              <Button component={Link} to={teamUrls.tasks(team.id)} variant="default">
                {t("tasks.form.cancel")}
              </Button>
              <Button type="submit" loading={busy}>
                {t("tasks.form.create")}
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
