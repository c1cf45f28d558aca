import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { InstitutionsTable } from "~/modules/institutions/components/InstitutionsTable";
import { canInstitution } from "~/modules/institutions/institutions.policy";
import { institutionQuerySchema } from "~/modules/institutions/institutions.schema";
import { listDeletedInstitutions, restoreInstitution } from "~/modules/institutions/institutions.server";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Kosz — Instytucje — Razem" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await authorize(user, canInstitution(user, "restore", null), { action: "institution.trash", entityType: "Institution", ip: requestMeta(request, context).ip });
  const query = institutionQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { items, page } = await listDeletedInstitutions(query);
  return { page, rows: items.map((item) => ({ ...item, canRestore: canInstitution(user, "restore", item) })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  if (form.get("intent") !== "restore") return data({ error: "validation.invalid" }, { status: 400 });
  const { shortName } = await restoreInstitution(user, String(form.get("id") ?? ""), requestMeta(request, context));
  return redirectWithToast("/administracja/instytucje/kosz", { key: "admin.institutions.restored", vars: { shortName } });
}

export default function InstitutionsTrash() {
  const { page, rows } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <AdminPage title={t("admin.trash.title")} intro={t("admin.trash.intro")} back={{ to: "/administracja/instytucje", label: t("admin.institutions.backToList") }}>
      {rows.length === 0 ? <EmptyState text={t("admin.trash.empty")} /> : <InstitutionsTable rows={rows} trash />}
      <ListPagination page={page} />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
