import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage } from "~/modules/admin/components/AdminPage";
import { requireUser } from "~/modules/auth/session.server";
import { canPerson } from "~/modules/institutions/institutions.policy";
import { AccessPanel, PersonDetails, ReadOnlyNotice, RolePanel } from "~/modules/people/components/PersonPanels";
import { StatusBadge } from "~/modules/people/components/PeopleTable";
import { changeRoleSchema } from "~/modules/people/people.schema";
import { changePersonRole, deactivatePerson, reactivatePerson, requireVisiblePerson } from "~/modules/people/people.server";
import { createTranslator } from "~/utils/i18n";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Osoba — Administracja — Razem" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Outside the actor's scope the person does not exist for them: 404, nothing else.
  const found = await requireVisiblePerson(user, params.id ?? "");
  const { _count, institutionId: _i, ...person } = found;
  return {
    person: { ...person, sessions: _count.sessions },
    self: person.id === user.id,
    can: {
      changeRole: canPerson(user, "changeRole", found),
      deactivate: canPerson(user, "deactivate", found),
      reactivate: canPerson(user, "reactivate", found),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const id = params.id ?? "";
  const values = formToObject(await request.formData());
  const back = `/administracja/osoby/${id}`;
  switch (values.intent) {
    case "role": {
      const person = await requireVisiblePerson(user, id);
      const parsed = changeRoleSchema.safeParse(values);
      if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
      const { changed } = await changePersonRole(user, id, parsed.data.role, meta);
      const role = createTranslator(user.locale)(`role.${parsed.data.role}`);
      return redirectWithToast(back, changed ? { key: "admin.person.roleChanged", vars: { name: person.name, role } } : { key: "admin.person.roleUnchanged", color: "blue" });
    }
    case "deactivate": {
      const person = await requireVisiblePerson(user, id);
      const { sessionsEnded } = await deactivatePerson(user, id, meta);
      return redirectWithToast(back, { key: "admin.person.deactivated", vars: { name: person.name, count: sessionsEnded } });
    }
    case "reactivate": {
      const person = await requireVisiblePerson(user, id);
      await reactivatePerson(user, id, meta);
      return redirectWithToast(back, { key: "admin.person.reactivated", vars: { name: person.name } });
    }
    default:
      return data({ errors: { intent: "validation.invalid" } }, { status: 400 });
  }
}

export default function PersonPage() {
  const { person, self, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const err = useFieldError();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const readOnly = !can.changeRole && !can.deactivate && !can.reactivate;
  return (
    <AdminPage
      title={person.name}
      intro={<StatusBadge deactivatedAt={person.deactivatedAt} />}
      back={{ to: "/administracja/osoby", label: t("admin.person.backToList") }}
      maw={820}
    >
      <PersonDetails person={person} />
      {readOnly ? <ReadOnlyNotice self={self} /> : null}
      {can.changeRole ? <RolePanel person={person} error={err(errors.role)} /> : null}
      {can.deactivate || can.reactivate ? <AccessPanel person={person} canDeactivate={can.deactivate} canReactivate={can.reactivate} /> : null}
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
