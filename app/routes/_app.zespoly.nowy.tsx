import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Card } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { warsawDate } from "~/modules/tasks/deadline";
import { teamUrls } from "~/modules/tasks/task-urls";
import { TeamForm } from "~/modules/teams/components/TeamForm";
import { canCreateTeam } from "~/modules/teams/team.policy";
import { teamCreateSchema } from "~/modules/teams/teams.schema";
import { createTeam, personOptions, workspaceOptions } from "~/modules/teams/teams.server";
import { fieldErrors } from "~/utils/forms";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Nowy zespół wykonawczy — Razem" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await authorize(user, canCreateTeam(user), { action: "team.create", entityType: "Team", ip: requestMeta(request, context).ip });
  const [people, workspaces] = await Promise.all([personOptions(), workspaceOptions(user)]);
  return { people, workspaces, today: warsawDate(new Date()) };
}

/** Form fields as posted; repeated fields (several members) are joined with commas for the form. */
function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = all.join(",");
  }
  return out;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  await authorize(user, canCreateTeam(user), { action: "team.create", entityType: "Team", ip: meta.ip });
  const values = formValues(await request.formData());
  const parsed = teamCreateSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await createTeam(user, parsed.data, meta);
  if (!result.ok) return data({ errors: result.errors, values }, { status: result.status });
  return redirectWithToast(teamUrls.team(result.value.id), { key: "teams.created", vars: { name: parsed.data.name } });
}

export default function NewTeam() {
  const { people, workspaces, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <AdminPage title={t("teams.newTitle")} intro={t("teams.newIntro")} back={{ to: teamUrls.list(), label: t("teams.backToList") }} maw={820}>
      {people.length === 0 ? (
        <EmptyState text={t("teams.noPeople")} />
      ) : (
        <Card withBorder padding="lg">
          <TeamForm
            values={actionData?.values ?? { kind: "TEMPORARY", termStart: today }}
            errors={actionData?.errors}
            workspaces={workspaces}
            people={people}
            submitLabel={t("teams.form.create")}
            cancelTo={teamUrls.list()}
          />
        </Card>
      )}
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
