import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Button } from "@mantine/core";
import { IconMailForward, IconUserPlus } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { listInstitutionOptions } from "~/modules/institutions/institutions.server";
import { PeopleFilters } from "~/modules/people/components/PeopleFilters";
import { PeopleTable } from "~/modules/people/components/PeopleTable";
import { peopleQuerySchema } from "~/modules/people/people.schema";
import { listPeople, peopleScope } from "~/modules/people/people.server";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Osoby — Administracja — Razem" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await authorize(user, peopleScope(user) !== null, { action: "user.list", entityType: "User", ip: requestMeta(request, context).ip });
  const query = peopleQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [{ items, page }, institutions] = await Promise.all([listPeople(user, query), user.isAdmin ? listInstitutionOptions() : null]);
  return {
    query: { q: query.q, status: query.status, institution: user.isAdmin ? query.institution : "" },
    page,
    people: items,
    institutions,
    ownInstitution: user.isAdmin ? null : (user.institution?.name ?? null),
  };
}

export default function PeopleList() {
  const { query, page, people, institutions, ownInstitution } = useLoaderData<typeof loader>();
  const t = useT();
  const filtered = query.q !== "" || query.status !== "active" || (query.institution !== "" && query.institution !== "all");
  const inviteButton = (
    <Button component={Link} to="/administracja/osoby/zapros" leftSection={<IconUserPlus size={16} aria-hidden />}>
      {t("admin.people.invite")}
    </Button>
  );
  return (
    <AdminPage
      title={t("admin.people.title")}
      intro={ownInstitution ? t("admin.people.introCoordinator", { institution: ownInstitution }) : t("admin.people.introAdmin")}
      back={{ to: "/administracja", label: t("admin.back") }}
      actions={
        <>
          <Button component={Link} to="/administracja/osoby/zaproszenia" variant="default" leftSection={<IconMailForward size={16} aria-hidden />}>
            {t("admin.people.invitations")}
          </Button>
          {inviteButton}
        </>
      }
    >
      <PeopleFilters q={query.q} status={query.status} institution={query.institution} institutions={institutions} />
      {people.length === 0 ? (
        <EmptyState text={filtered ? t("admin.people.emptyFiltered") : t("admin.people.empty")} action={filtered ? null : inviteButton} />
      ) : (
        <PeopleTable rows={people} />
      )}
      <ListPagination page={page} />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
