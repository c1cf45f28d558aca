import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Card, Group, Stack, Text, Title } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { FormError } from "~/components/FormError";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { requireUser } from "~/modules/auth/session.server";
import { teamUrls } from "~/modules/tasks/task-urls";
import { requireTeam } from "~/modules/teams/access.server";
import { TeamForm } from "~/modules/teams/components/TeamForm";
import { AddMembersForm, TeamMembersTable } from "~/modules/teams/components/TeamMembersManager";
import { teamTitle } from "~/modules/teams/components/useTeam";
import { isClosedTeam } from "~/modules/teams/team.policy";
import { addMembersSchema, changeRoleSchema, removeMemberSchema, teamUpdateSchema } from "~/modules/teams/teams.schema";
import { addMembers, changeMemberRole, getTeamSettings, removeMember, trashTeam, updateTeam } from "~/modules/teams/teams.server";
import { fieldErrors, type FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast, type Toast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => [{ title: teamTitle(matches, "Ustawienia") }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const s = await getTeamSettings(user, params.teamId ?? "", requestMeta(request, context).ip);
  return {
    team: { id: s.team.id, name: s.team.name, status: s.team.status },
    can: s.can,
    canTrash: s.canTrash,
    values: s.values,
    members: s.members,
    candidates: s.candidates,
    workspaces: s.workspaces,
  };
}

/** Form fields as posted; repeated fields (several people) are joined with commas. */
function formValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of new Set(form.keys())) out[key] = form.getAll(key).filter((v): v is string => typeof v === "string").join(",");
  return out;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const teamId = params.teamId ?? "";
  const values = formValues(await request.formData());
  const intent = values.intent ?? "";
  const here = teamUrls.settings(teamId);
  const done = (toast: Toast, to = here) => redirectWithToast(to, toast);
  const failed = (errors: FieldErrors, status = 400) => data({ intent, errors, values }, { status });
  switch (intent) {
    case "save": {
      // Authorise before validating: someone who may not edit learns nothing from field errors.
      await requireTeam(user, teamId, "updateTeam", meta.ip);
      const parsed = teamUpdateSchema.safeParse(values);
      if (!parsed.success) return failed(fieldErrors(parsed.error));
      const r = await updateTeam(user, teamId, parsed.data, meta);
      if (!r.ok) return failed(r.errors, r.status);
      return done(r.value.changed ? { key: "teams.settings.saved" } : { key: "teams.settings.unchanged", color: "blue" });
    }
    case "addMembers": {
      await requireTeam(user, teamId, "manageMembers", meta.ip);
      const parsed = addMembersSchema.safeParse(values);
      if (!parsed.success) return failed(fieldErrors(parsed.error));
      const r = await addMembers(user, teamId, parsed.data, meta);
      return r.ok ? done({ key: "teams.members.added", vars: { count: r.value.count } }) : failed(r.errors, r.status);
    }
    case "changeRole": {
      await requireTeam(user, teamId, "manageMembers", meta.ip);
      const parsed = changeRoleSchema.safeParse(values);
      if (!parsed.success) return failed(fieldErrors(parsed.error));
      const r = await changeMemberRole(user, teamId, parsed.data, meta);
      if (!r.ok) return failed(r.errors, r.status);
      return done(r.value.changed ? { key: "teams.members.roleChanged", vars: { name: r.value.name } } : { key: "teams.members.roleUnchanged", color: "blue" });
    }
    case "removeMember": {
      await requireTeam(user, teamId, "manageMembers", meta.ip);
      const parsed = removeMemberSchema.safeParse(values);
      if (!parsed.success) return failed(fieldErrors(parsed.error));
      const r = await removeMember(user, teamId, parsed.data, meta);
      return r.ok ? done({ key: "teams.members.removed", vars: { name: r.value.name } }) : failed(r.errors, r.status);
    }
    case "trash": {
      const { name } = await trashTeam(user, teamId, meta);
      return done({ key: "teams.trash.trashed", vars: { name } }, teamUrls.list());
    }
    default:
      await requireTeam(user, teamId, "view", meta.ip);
      return failed({ _form: "validation.invalid" });
  }
}

export default function TeamSettings() {
  const { team, can, canTrash, values, members, candidates, workspaces } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const err = useFieldError();
  const closed = isClosedTeam(team.status);
  const saveErrors = actionData?.intent === "save" ? actionData.errors : undefined;
  const memberErrors = actionData && actionData.intent !== "save" ? actionData.errors : undefined;
  return (
    <Stack gap="lg" maw={900}>
      <Card withBorder padding="lg" component="section" aria-labelledby="team-settings">
        <Title order={2} fz="h4" id="team-settings">
          {t("teams.settings.title")}
        </Title>
        {can.updateTeam ? (
          <>
            <Text size="sm" c="dimmed" mb="md">
              {t("teams.settings.intro")}
            </Text>
            <TeamForm
              key={JSON.stringify(values)}
              values={saveErrors ? { ...actionData?.values, version: values.version } : values}
              errors={saveErrors}
              workspaces={workspaces}
              submitLabel={t("form.save")}
              cancelTo={teamUrls.team(team.id)}
            />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t(closed ? "teams.settings.closed" : "teams.settings.readOnly")}
          </Text>
        )}
      </Card>
      <Stack gap="sm" component="section" aria-labelledby="team-members-title">
        <div>
          <Title order={2} fz="h4" id="team-members-title">
            {t("teams.members.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t(can.manageMembers ? "teams.members.intro" : closed ? "teams.members.closed" : "teams.members.readOnly")}
          </Text>
        </div>
        <FormError message={err(memberErrors?._form)} />
        {can.manageMembers ? <AddMembersForm candidates={candidates} errors={actionData?.intent === "addMembers" ? memberErrors : undefined} values={actionData?.intent === "addMembers" ? actionData.values : undefined} /> : null}
        <TeamMembersTable rows={members} canManage={can.manageMembers} />
      </Stack>
      {canTrash ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="team-trash">
          <Stack gap="xs">
            <Title order={2} fz="h4" id="team-trash">
              {t("teams.trash.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("teams.trash.text")}
            </Text>
            <Group>
              <ConfirmAction
                label={t("teams.trash.move")}
                title={t("teams.trash.confirmTitle", { name: team.name })}
                text={t("teams.trash.confirmText")}
                confirmLabel={t("teams.trash.confirm")}
                fields={{ intent: "trash" }}
                size="sm"
              />
            </Group>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
