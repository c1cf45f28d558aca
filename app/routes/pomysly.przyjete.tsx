import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Button, Group, Text } from "@mantine/core";
import { IconBulb } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { PublicIdeasList } from "~/modules/ideas/components/PublicIdeasList";
import { PublicLayout } from "~/modules/ideas/components/PublicLayout";
import { listPublicIdeas, type PublicListStatus } from "~/modules/ideas/intakes.server";
import { useT } from "~/utils/i18n-react";

export const meta: MetaFunction = () => [{ title: "Co stało się z pomysłami — Razem" }];

function parseQuery(url: URL): { status: PublicListStatus; page: number } {
  const status = url.searchParams.get("status") === "odrzucone" ? "REJECTED" : "ACCEPTED";
  const page = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  return { status, page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1 };
}

// Public (no sign-in): decided ideas of intakes with a public list — never contact data.
export async function loader({ request }: LoaderFunctionArgs) {
  const { status, page } = parseQuery(new URL(request.url));
  const { items, page: info } = await listPublicIdeas(status, page);
  return {
    status,
    page: info,
    items: items.map((i) => ({
      id: i.id,
      reference: i.reference,
      title: i.title,
      category: i.category,
      status: i.status,
      acceptedFor: i.acceptedFor,
      publicReason: i.status === "REJECTED" ? i.publicReason : null,
      date: (i.closedAt ?? i.submittedAt).toISOString(),
    })),
  };
}

export default function PublicIdeasPage() {
  const { status, page, items } = useLoaderData<typeof loader>();
  const t = useT();
  const tabs: { status: PublicListStatus; to: string; label: string }[] = [
    { status: "ACCEPTED", to: "/pomysly/przyjete", label: t("ideasPublic.list.accepted") },
    { status: "REJECTED", to: "/pomysly/przyjete?status=odrzucone", label: t("ideasPublic.list.rejected") },
  ];
  return (
    <PublicLayout title={t("ideasPublic.list.title")} intro={t("ideasPublic.list.intro")}>
      <Group component="nav" aria-label={t("ideasPublic.list.filter")} gap={4} wrap="wrap">
        {tabs.map((tab) => (
          <Button
            key={tab.status}
            component={Link}
            to={tab.to}
            variant={tab.status === status ? "light" : "subtle"}
            color={tab.status === status ? undefined : "gray"}
            fw={tab.status === status ? 700 : 500}
            aria-current={tab.status === status ? "page" : undefined}
            size="sm"
          >
            {tab.label}
          </Button>
        ))}
      </Group>
      {items.length === 0 ? <Text c="dimmed">{t(status === "ACCEPTED" ? "ideasPublic.list.empty.ACCEPTED" : "ideasPublic.list.empty.REJECTED")}</Text> : <PublicIdeasList status={status} rows={items} />}
      <ListPagination page={page} />
      <Group>
        <Button component={Link} to="/pomysly" variant="default" leftSection={<IconBulb size={16} aria-hidden />}>
          {t("ideasPublic.list.submit")}
        </Button>
      </Group>
    </PublicLayout>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
