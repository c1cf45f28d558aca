import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Card } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser, type AuthUser } from "~/modules/auth/session.server";
import { canInstitution } from "~/modules/institutions/institutions.policy";
import { listInstitutionOptions } from "~/modules/institutions/institutions.server";
import { InviteForm } from "~/modules/people/components/InviteForm";
import { inviteSchema } from "~/modules/people/people.schema";
import { sendInvitation } from "~/modules/people/people.server";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Zaproś osobę — Administracja — Razem" }];

/** Admins invite anywhere; a coordinator only into their own institution. */
function mayInviteSomewhere(user: AuthUser): boolean {
  return user.isAdmin || canInstitution(user, "invitePeople", user.institutionId ? { id: user.institutionId } : null);
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await authorize(user, mayInviteSomewhere(user), { action: "invitation.create", entityType: "Invitation", ip: requestMeta(request, context).ip });
  const all = await listInstitutionOptions();
  const institutions = all.filter((i) => canInstitution(user, "invitePeople", i));
  return { institutions, fixedInstitutionId: user.isAdmin ? null : user.institutionId };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  await authorize(user, mayInviteSomewhere(user), { action: "invitation.create", entityType: "Invitation", ip: meta.ip });
  const values = formToObject(await request.formData());
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  // 403 (and an audit entry) when the institution is not one this user may invite into.
  const result = await sendInvitation(user, parsed.data, meta);
  if (!result.ok) {
    const errors = result.reason === "emailTaken" ? { email: "admin.invite.emailTaken" } : { institutionId: "admin.invite.institutionMissing" };
    return data({ errors, values }, { status: 400 });
  }
  return redirectWithToast("/administracja/osoby/zaproszenia", { key: "admin.invite.sent", vars: { email: parsed.data.email } });
}

export default function InvitePerson() {
  const { institutions, fixedInstitutionId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <AdminPage title={t("admin.invite.title")} intro={t("admin.invite.intro")} back={{ to: "/administracja/osoby", label: t("admin.person.backToList") }} maw={640}>
      {institutions.length === 0 ? (
        <EmptyState text={t("admin.invite.noInstitutions")} />
      ) : (
        <Card withBorder padding="lg">
          <InviteForm institutions={institutions} fixedInstitutionId={fixedInstitutionId} values={actionData?.values} errors={actionData?.errors} />
        </Card>
      )}
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
