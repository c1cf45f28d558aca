import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { Card } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage } from "~/modules/admin/components/AdminPage";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { InstitutionForm } from "~/modules/institutions/components/InstitutionForm";
import { canInstitution } from "~/modules/institutions/institutions.policy";
import { institutionSchema } from "~/modules/institutions/institutions.schema";
import { createInstitution } from "~/modules/institutions/institutions.server";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Nowa instytucja — Administracja — Razem" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await authorize(user, canInstitution(user, "create", null), { action: "institution.create", entityType: "Institution", ip: requestMeta(request, context).ip });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  await authorize(user, canInstitution(user, "create", null), { action: "institution.create", entityType: "Institution", ip: meta.ip });
  const values = formToObject(await request.formData());
  const parsed = institutionSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await createInstitution(user, parsed.data, meta);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirectWithToast("/administracja/instytucje", { key: "admin.institutions.created", vars: { shortName: parsed.data.shortName } });
}

export default function NewInstitution() {
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <AdminPage
      title={t("admin.institutions.newTitle")}
      intro={t("admin.institutions.newIntro")}
      back={{ to: "/administracja/instytucje", label: t("admin.institutions.backToList") }}
      maw={760}
    >
      <Card withBorder padding="lg">
        <InstitutionForm values={actionData?.values} errors={actionData?.errors} submitLabel={t("admin.institutions.add")} cancelTo="/administracja/instytucje" />
      </Card>
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
