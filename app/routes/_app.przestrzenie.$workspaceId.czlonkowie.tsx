import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Card, Stack, Text, Title } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { FormError } from "~/components/FormError";
import { requireUser } from "~/modules/auth/session.server";
import { requireWorkspace } from "~/modules/workspaces/access.server";
import { AddMemberForms } from "~/modules/workspaces/components/AddMemberForms";
import { InstitutionMembersTable, PersonMembersTable } from "~/modules/workspaces/components/MembersTables";
import { workspaceTitle } from "~/modules/workspaces/components/useWorkspace";
import { addInstitutionSchema, addMemberSchema, changeRoleSchema, removeSchema } from "~/modules/workspaces/workspaces.schema";
import {
  addInstitution,
  addMember,
  changeInstitutionRole,
  changeMemberRole,
  getWorkspaceMembersPage,
  PEOPLE_OPTIONS_LIMIT,
  removeInstitution,
  removeMember,
} from "~/modules/workspaces/workspaces.server";
import type { Toast } from "~/utils/toast.server";
import { fieldErrors, formToObject, type FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => [{ title: workspaceTitle(matches, "Członkowie") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await getWorkspaceMembersPage(user, params.workspaceId ?? "");
  return {
    canManage: page.can.manageMembers,
    members: page.members,
    candidates: page.candidates,
    truncated: page.candidates.people.length >= PEOPLE_OPTIONS_LIMIT,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const id = params.workspaceId ?? "";
  const values = formToObject(await request.formData());
  // Authorise before validating: 404 for outsiders, 403 (audited) for members who may not manage.
  await requireWorkspace(user, id, "manageMembers", meta.ip);
  const intent = values.intent ?? "";
  const done = (toast: Toast) => redirectWithToast(`/przestrzenie/${id}/czlonkowie`, toast);
  const failed = (errors: FieldErrors) => data({ intent, errors, values }, { status: 400 });
  switch (intent) {
    case "addMember": {
      const input = addMemberSchema.safeParse(values);
      if (!input.success) return failed(fieldErrors(input.error));
      const r = await addMember(user, id, input.data, meta);
      return r.ok ? done({ key: "workspaces.members.personAdded", vars: { name: r.value.name } }) : failed(r.errors);
    }
    case "addInstitution": {
      const input = addInstitutionSchema.safeParse(values);
      if (!input.success) return failed(fieldErrors(input.error));
      const r = await addInstitution(user, id, input.data, meta);
      return r.ok ? done({ key: "workspaces.members.institutionAdded", vars: { shortName: r.value.shortName } }) : failed(r.errors);
    }
    case "changeMemberRole": {
      const input = changeRoleSchema.safeParse(values);
      if (!input.success) return failed(fieldErrors(input.error));
      const r = await changeMemberRole(user, id, input.data, meta);
      if (!r.ok) return failed(r.errors);
      return done(r.value.changed ? { key: "workspaces.members.roleChanged", vars: { name: r.value.name } } : { key: "workspaces.members.roleUnchanged", color: "blue" });
    }
    case "changeInstitutionRole": {
      const input = changeRoleSchema.safeParse(values);
      if (!input.success) return failed(fieldErrors(input.error));
      const r = await changeInstitutionRole(user, id, input.data, meta);
      if (!r.ok) return failed(r.errors);
      return done(r.value.changed ? { key: "workspaces.members.roleChanged", vars: { name: r.value.shortName } } : { key: "workspaces.members.roleUnchanged", color: "blue" });
    }
    case "removeMember": {
      const input = removeSchema.safeParse(values);
      if (!input.success) return failed(fieldErrors(input.error));
      const r = await removeMember(user, id, input.data, meta);
      return r.ok ? done({ key: "workspaces.members.personRemoved", vars: { name: r.value.name } }) : failed(r.errors);
    }
    case "removeInstitution": {
      const input = removeSchema.safeParse(values);
      if (!input.success) return failed(fieldErrors(input.error));
      const r = await removeInstitution(user, id, input.data, meta);
      return r.ok ? done({ key: "workspaces.members.institutionRemoved", vars: { shortName: r.value.shortName } }) : failed(r.errors);
    }
    default:
      return failed({ _form: "validation.invalid" });
  }
}

export default function WorkspaceMembers() {
  const { canManage, members, candidates, truncated } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const err = useFieldError();
  const formError = actionData?.errors._form;
  return (
    <Stack gap="lg">
      <div>
        <Title order={2} fz="h3">
          {t("workspaces.members.title")}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t("workspaces.members.intro")}
        </Text>
        <Text c="dimmed" size="sm" maw={760}>
          {t("workspaces.members.rolesHelp")}
        </Text>
      </div>
      <FormError message={err(formError)} />
      {canManage ? (
        <AddMemberForms candidates={candidates} truncated={truncated} intent={actionData?.intent ?? undefined} values={actionData?.values} errors={actionData?.errors} />
      ) : (
        <Text size="sm" c="dimmed">
          {t("workspaces.members.readOnly")}
        </Text>
      )}
      <Stack gap="xs" component="section" aria-labelledby="ws-institutions">
        <Title order={3} fz="h4" id="ws-institutions">
          {t("workspaces.members.institutions")}
        </Title>
        {members.institutions.length === 0 ? (
          <Card withBorder padding="md">
            <Text size="sm" c="dimmed">
              {t(canManage ? "workspaces.members.institutionsEmptyOwner" : "workspaces.members.institutionsEmpty")}
            </Text>
          </Card>
        ) : (
          <InstitutionMembersTable rows={members.institutions} canManage={canManage} />
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="ws-people">
        <Title order={3} fz="h4" id="ws-people">
          {t("workspaces.members.people")}
        </Title>
        {members.people.length === 0 ? (
          <Card withBorder padding="md">
            <Text size="sm" c="dimmed">
              {t("workspaces.members.peopleEmpty")}
            </Text>
          </Card>
        ) : (
          <PersonMembersTable rows={members.people} canManage={canManage} />
        )}
      </Stack>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
