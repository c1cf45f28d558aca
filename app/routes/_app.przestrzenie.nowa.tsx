import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Card } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { listInstitutionOptions } from "~/modules/institutions/institutions.server";
import { WorkspaceForm } from "~/modules/workspaces/components/WorkspaceForm";
import { canCreateWorkspace } from "~/modules/workspaces/workspaces.policy";
import { workspaceSchema } from "~/modules/workspaces/workspaces.schema";
import { createWorkspace } from "~/modules/workspaces/workspaces.server";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Nowa przestrzeń robocza — Razem" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await authorize(user, canCreateWorkspace(user), { action: "workspace.create", entityType: "Workspace", ip: requestMeta(request, context).ip });
  return { institutions: await listInstitutionOptions(), fixedInstitutionId: user.isAdmin ? null : user.institutionId };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  await authorize(user, canCreateWorkspace(user), { action: "workspace.create", entityType: "Workspace", ip: meta.ip });
  const values = formToObject(await request.formData());
  const parsed = workspaceSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await createWorkspace(user, parsed.data, meta);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  // Next step: bring in the partners.
  return redirectWithToast(`/przestrzenie/${result.value.id}/czlonkowie`, { key: "workspaces.created", vars: { name: parsed.data.name } });
}

export default function NewWorkspace() {
  const { institutions, fixedInstitutionId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <AdminPage title={t("workspaces.newTitle")} intro={t("workspaces.newIntro")} back={{ to: "/przestrzenie", label: t("workspaces.backToList") }} maw={760}>
      {institutions.length === 0 ? (
        <EmptyState text={t("workspaces.noInstitutions")} />
      ) : (
        <Card withBorder padding="lg">
          <WorkspaceForm
            values={actionData?.values}
            errors={actionData?.errors}
            institutions={institutions}
            fixedInstitutionId={fixedInstitutionId}
            submitLabel={t("workspaces.form.create")}
            cancelTo="/przestrzenie"
          />
        </Card>
      )}
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
