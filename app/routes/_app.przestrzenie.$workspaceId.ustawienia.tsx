import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconArchiveOff } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { requireUser } from "~/modules/auth/session.server";
import { listInstitutionOptions } from "~/modules/institutions/institutions.server";
import { requireWorkspace } from "~/modules/workspaces/access.server";
import { workspaceTitle } from "~/modules/workspaces/components/useWorkspace";
import { WorkspaceForm } from "~/modules/workspaces/components/WorkspaceForm";
import { workspaceSchema } from "~/modules/workspaces/workspaces.schema";
import { archiveWorkspace, unarchiveWorkspace, updateWorkspace } from "~/modules/workspaces/workspaces.server";
import { formatDate } from "~/utils/dates";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useLocale, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => [{ title: workspaceTitle(matches, "Ustawienia") }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { workspace } = await requireWorkspace(user, params.workspaceId ?? "", "updateSettings", requestMeta(request, context).ip);
  const { id, name, description, color, icon, owningInstitutionId, archivedAt } = workspace;
  return { workspace: { id, name, archivedAt }, values: { name, description, color, icon, owningInstitutionId }, institutions: await listInstitutionOptions() };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const id = params.workspaceId ?? "";
  const values = formToObject(await request.formData());
  const here = `/przestrzenie/${id}/ustawienia`;
  if (values.intent === "archive") {
    const { name } = await archiveWorkspace(user, id, meta);
    return redirectWithToast(here, { key: "workspaces.archived", vars: { name } });
  }
  if (values.intent === "unarchive") {
    const { name } = await unarchiveWorkspace(user, id, meta);
    return redirectWithToast(here, { key: "workspaces.unarchived", vars: { name } });
  }
  // Authorise before validating: someone who may not edit learns nothing from field errors.
  await requireWorkspace(user, id, "updateSettings", meta.ip);
  const parsed = workspaceSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await updateWorkspace(user, id, parsed.data, meta);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirectWithToast(here, { key: "workspaces.settings.saved" });
}

export default function WorkspaceSettings() {
  const { workspace, values, institutions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  return (
    <Stack gap="lg" maw={760}>
      <Card withBorder padding="lg" component="section" aria-labelledby="ws-settings">
        <Title order={2} fz="h4" id="ws-settings">
          {t("workspaces.settings.title")}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t("workspaces.settings.intro")}
        </Text>
        <WorkspaceForm
          key={JSON.stringify(values)}
          values={actionData?.values ?? values}
          errors={actionData?.errors}
          institutions={institutions}
          submitLabel={t("form.save")}
          cancelTo={`/przestrzenie/${workspace.id}`}
        />
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="ws-archive">
        <Stack gap="xs">
          <Title order={2} fz="h4" id="ws-archive">
            {t("workspaces.settings.archiveSection")}
          </Title>
          {workspace.archivedAt ? (
            <>
              <Text size="sm" c="dimmed">
                {t("workspaces.settings.unarchiveText", { date: formatDate(workspace.archivedAt, locale) })}
              </Text>
              <Form method="post">
                <input type="hidden" name="intent" value="unarchive" />
                <Button type="submit" variant="light" loading={busy} leftSection={<IconArchiveOff size={16} aria-hidden />}>
                  {t("workspaces.settings.unarchive")}
                </Button>
              </Form>
            </>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t("workspaces.settings.archiveText")}
              </Text>
              <Group>
                <ConfirmAction
                  label={t("workspaces.settings.archive")}
                  title={t("workspaces.settings.archiveTitle", { name: workspace.name })}
                  text={t("workspaces.settings.archiveConfirmText")}
                  confirmLabel={t("workspaces.settings.archiveConfirm")}
                  fields={{ intent: "archive" }}
                  color="orange"
                  size="sm"
                />
              </Group>
            </>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
