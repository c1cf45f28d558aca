import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, Group, TextInput } from "@mantine/core";
import { IconPlus, IconSearch, IconTrash } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { InstitutionsTable } from "~/modules/institutions/components/InstitutionsTable";
import { canInstitution, canOpenAdministration } from "~/modules/institutions/institutions.policy";
import { institutionQuerySchema } from "~/modules/institutions/institutions.schema";
import { deleteInstitution, listInstitutionsPage } from "~/modules/institutions/institutions.server";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Instytucje — Administracja — Razem" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await authorize(user, canOpenAdministration(user), { action: "institution.list", entityType: "Institution", ip: requestMeta(request, context).ip });
  const query = institutionQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { items, page } = await listInstitutionsPage(query);
  return {
    q: query.q,
    page,
    canCreate: canInstitution(user, "create", null),
    rows: items.map((item) => ({
      ...item,
      canEdit: canInstitution(user, "update", item),
      canDelete: canInstitution(user, "delete", item),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  if (form.get("intent") !== "delete") return data({ error: "validation.invalid" }, { status: 400 });
  const { shortName } = await deleteInstitution(user, String(form.get("id") ?? ""), requestMeta(request, context));
  return redirectWithToast("/administracja/instytucje", { key: "admin.institutions.deleted", vars: { shortName } });
}

export default function InstitutionsList() {
  const { q, page, rows, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  const actions = canCreate ? (
    <>
      <Button component={Link} to="/administracja/instytucje/kosz" variant="default" leftSection={<IconTrash size={16} aria-hidden />}>
        {t("admin.institutions.trash")}
      </Button>
      <Button component={Link} to="/administracja/instytucje/nowa" leftSection={<IconPlus size={16} aria-hidden />}>
        {t("admin.institutions.add")}
      </Button>
    </>
  ) : null;
  return (
    <AdminPage title={t("admin.institutions.title")} intro={t("admin.institutions.intro")} back={{ to: "/administracja", label: t("admin.back") }} actions={actions}>
      <Form method="get" role="search">
        <Group align="flex-end" gap="xs">
          <TextInput
            name="q"
            label={t("admin.institutions.searchLabel")}
            placeholder={t("admin.institutions.searchPlaceholder")}
            defaultValue={q}
            leftSection={<IconSearch size={16} aria-hidden />}
            w={{ base: "100%", sm: 320 }}
          />
          <Button type="submit" variant="light">
            {t("admin.list.search")}
          </Button>
          {q ? (
            <Button component={Link} to="/administracja/instytucje" variant="subtle">
              {t("admin.list.clear")}
            </Button>
          ) : null}
        </Group>
      </Form>
      {rows.length === 0 ? (
        <EmptyState
          text={q ? t("admin.institutions.emptySearch", { q }) : t("admin.institutions.empty")}
          action={
            !q && canCreate ? (
              <Button component={Link} to="/administracja/instytucje/nowa" leftSection={<IconPlus size={16} aria-hidden />}>
                {t("admin.institutions.add")}
              </Button>
            ) : null
          }
        />
      ) : (
        <InstitutionsTable rows={rows} />
      )}
      <ListPagination page={page} />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
