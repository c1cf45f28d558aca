import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Card, Group, Stack, Text, Title } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage } from "~/modules/admin/components/AdminPage";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { InstitutionForm } from "~/modules/institutions/components/InstitutionForm";
import { canInstitution } from "~/modules/institutions/institutions.policy";
import { institutionSchema } from "~/modules/institutions/institutions.schema";
import { deleteInstitution, findActiveInstitution, updateInstitution } from "~/modules/institutions/institutions.server";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Profil instytucji — Administracja — Razem" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const institution = (await findActiveInstitution(params.id ?? "")) ?? notFound();
  await authorize(user, canInstitution(user, "update", institution), {
    action: "institution.update",
    entityType: "Institution",
    entityId: institution.id,
    ip: requestMeta(request, context).ip,
  });
  const { id, name, shortName, description, contactEmail, contactPhone, address, website, logoUrl } = institution;
  return {
    institution: { id, name, shortName, description, contactEmail, contactPhone, address, website, logoUrl },
    canDelete: canInstitution(user, "delete", institution),
    backTo: user.isAdmin ? "/administracja/instytucje" : "/administracja",
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const id = params.id ?? "";
  const values = formToObject(await request.formData());
  if (values.intent === "delete") {
    const { shortName } = await deleteInstitution(user, id, meta);
    return redirectWithToast("/administracja/instytucje", { key: "admin.institutions.deleted", vars: { shortName } });
  }
  // Authorise before validating: someone who may not edit learns nothing from field errors.
  const institution = (await findActiveInstitution(id)) ?? notFound();
  await authorize(user, canInstitution(user, "update", institution), { action: "institution.update", entityType: "Institution", entityId: id, ip: meta.ip });
  const parsed = institutionSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await updateInstitution(user, id, parsed.data, meta);
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  const to = user.isAdmin ? "/administracja/instytucje" : "/administracja";
  return redirectWithToast(to, { key: "admin.institutions.updated", vars: { shortName: parsed.data.shortName } });
}

export default function EditInstitution() {
  const { institution, canDelete, backTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <AdminPage
      title={t("admin.institutions.editTitle", { shortName: institution.shortName })}
      intro={t("admin.institutions.editIntro")}
      back={{ to: backTo, label: t(backTo === "/administracja" ? "admin.back" : "admin.institutions.backToList") }}
      maw={760}
    >
      <Card withBorder padding="lg">
        <InstitutionForm
          key={institution.id}
          values={actionData?.values ?? institution}
          errors={actionData?.errors}
          submitLabel={t("form.save")}
          cancelTo={backTo}
        />
      </Card>
      {canDelete ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="danger-zone">
          <Stack gap="xs">
            <Title order={2} fz="h4" id="danger-zone">
              {t("admin.institutions.dangerZone")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("admin.institutions.dangerText")}
            </Text>
            <Group>
              <ConfirmAction
                label={t("admin.institutions.deleteLabel", { shortName: institution.shortName })}
                title={t("admin.institutions.deleteTitle", { shortName: institution.shortName })}
                text={t("admin.institutions.deleteText")}
                confirmLabel={t("admin.institutions.deleteConfirm")}
                fields={{ intent: "delete" }}
                size="sm"
              />
            </Group>
          </Stack>
        </Card>
      ) : null}
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
