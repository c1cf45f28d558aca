import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Button } from "@mantine/core";
import { IconUserPlus } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { InvitationsTable } from "~/modules/people/components/InvitationsTable";
import { institutionQuerySchema } from "~/modules/institutions/institutions.schema";
import { listPendingInvitations, peopleScope, resendInvitation, revokePendingInvitation } from "~/modules/people/people.server";
import { useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Oczekujące zaproszenia — Administracja — Razem" }];

const HERE = "/administracja/osoby/zaproszenia";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await authorize(user, peopleScope(user) !== null, { action: "invitation.list", entityType: "Invitation", ip: requestMeta(request, context).ip });
  const { page: pageNumber } = institutionQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { items, page } = await listPendingInvitations(user, { page: pageNumber });
  const now = Date.now();
  return { page, invitations: items.map(({ institutionId: _i, ...inv }) => ({ ...inv, expired: inv.expiresAt.getTime() < now })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const form = await request.formData();
  const id = String(form.get("id") ?? "");
  switch (form.get("intent")) {
    case "revoke": {
      const { email } = await revokePendingInvitation(user, id, meta);
      return redirectWithToast(HERE, { key: "admin.invitations.revoked", vars: { email } });
    }
    case "resend": {
      const result = await resendInvitation(user, id, meta);
      if (!result.ok) return redirectWithToast(HERE, { key: "admin.invitations.resendFailed", vars: { email: result.email }, color: "red" });
      return redirectWithToast(HERE, { key: "admin.invitations.resent", vars: { email: result.email } });
    }
    default:
      return data({ error: "validation.invalid" }, { status: 400 });
  }
}

export default function PendingInvitations() {
  const { page, invitations } = useLoaderData<typeof loader>();
  const t = useT();
  const inviteButton = (
    <Button component={Link} to="/administracja/osoby/zapros" leftSection={<IconUserPlus size={16} aria-hidden />}>
      {t("admin.people.invite")}
    </Button>
  );
  return (
    <AdminPage
      title={t("admin.invitations.title")}
      intro={t("admin.invitations.intro")}
      back={{ to: "/administracja/osoby", label: t("admin.person.backToList") }}
      actions={invitations.length > 0 ? inviteButton : null}
    >
      {invitations.length === 0 ? <EmptyState text={t("admin.invitations.empty")} action={inviteButton} /> : <InvitationsTable rows={invitations} />}
      <ListPagination page={page} />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
