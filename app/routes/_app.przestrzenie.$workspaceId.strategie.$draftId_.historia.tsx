import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Anchor, Button, Group, Radio, Stack, Table, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconGitCompare } from "@tabler/icons-react";
import { DataTable } from "~/components/DataTable";
import { ErrorPage } from "~/components/ErrorPage";
import { FormError } from "~/components/FormError";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { requireUser } from "~/modules/auth/session.server";
import { loadDraftAccess } from "~/modules/strategy/access.server";
import { DraftStatusBadge } from "~/modules/strategy/components/DraftReviewBar";
import { draftVersionAction } from "~/modules/strategy/review.server";
import { draftDenial } from "~/modules/strategy/strategy.policy";
import { parsePage } from "~/modules/strategy/strategy.schema";
import { listVersions } from "~/modules/strategy/versions.server";
import { versionLabel } from "~/modules/strategy/components/DraftHistoryLabel";
import type { MessageKey } from "~/locales";
import { formatDateTime, formatNumber } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.draft.title} — Razem` : "Razem" }];

/** The versions of a draft, newest first (two queries a page): 404 unless the draft is visible. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workspaceId = params.workspaceId ?? "";
  const ctx = await loadDraftAccess(user, params.draftId ?? "", { workspaceId });
  const list = await listVersions(ctx.draft.id, parsePage(new URL(request.url).searchParams.get("page")));
  return {
    workspaceId,
    draft: { id: ctx.draft.id, title: ctx.draft.title, reviewStatus: ctx.draft.reviewStatus as "DRAFT" | "IN_REVIEW" | "APPROVED" },
    items: list.items,
    page: list.page,
    canRestore: draftDenial(user, "restoreVersion", ctx.access) === null,
  };
}

/** intent=versionRestore&number=N (EDITOR+): the editor page opens with the restored text. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workspaceId = params.workspaceId ?? "";
  const draftId = params.draftId ?? "";
  const form = Object.fromEntries([...(await request.formData()).entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const done = await draftVersionAction(user, workspaceId, draftId, { ...form, intent: "versionRestore" }, { ip: context.clientIp });
  if (!done.body.ok) return data({ error: done.body.error }, { status: done.status });
  return redirectWithToast(`/przestrzenie/${workspaceId}/strategie/${draftId}`, { key: (done.body.message ?? "strategyVersions.version.restored") as MessageKey, vars: done.body.vars });
}

export default function DraftHistoryPage() {
  const { workspaceId, draft, items, page, canRestore } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const translate = useFieldError();
  const base = `/przestrzenie/${workspaceId}/strategie/${draft.id}`;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={base} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("strategyVersions.history.back")}
        </Group>
      </Anchor>
      <Group gap="sm">
        <Title order={2}>{t("strategyVersions.history.title", { title: draft.title })}</Title>
        <DraftStatusBadge status={draft.reviewStatus} />
      </Group>
      <FormError message={translate(actionData?.error ?? undefined)} />
      {items.length === 0 ? (
        <Text>{t("strategyVersions.history.empty")}</Text>
      ) : (
        <Form method="get" action={`${base}/porownaj`}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed" id="compare-hint">
              {t("strategyVersions.history.compareHint")}
            </Text>
            <DataTable
              caption={t("strategyVersions.history.caption", { title: draft.title })}
              columns={[
                { label: t("strategyVersions.history.number") },
                { label: t("strategyVersions.history.name") },
                { label: t("strategyVersions.history.kind") },
                { label: t("strategyVersions.history.author") },
                { label: t("strategyVersions.history.date") },
                { label: t("strategyVersions.history.words") },
                { label: t("strategyVersions.history.from") },
                { label: t("strategyVersions.history.to") },
                { label: t("strategyVersions.history.actions"), hidden: true },
              ]}
              minWidth={900}
            >
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text size="sm" fw={600}>
                    {t("strategyVersions.history.current")}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Radio name="do" value="biezaca" defaultChecked aria-label={t("strategyVersions.history.current")} />
                </Table.Td>
                <Table.Td />
              </Table.Tr>
              {items.map((v, i) => (
                <Table.Tr key={v.id}>
                  <Table.Td>{v.number}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`${base}/wersje/${v.number}`} aria-label={t("strategyVersions.history.viewLabel", { number: v.number })}>
                      {versionLabel(t, v)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`strategyVersions.kind.${v.kind}`)}</Table.Td>
                  <Table.Td>{v.author ?? t("strategyVersions.history.noAuthor")}</Table.Td>
                  <Table.Td>{formatDateTime(v.createdAt, locale)}</Table.Td>
                  <Table.Td>{formatNumber(v.wordCount, locale)}</Table.Td>
                  <Table.Td>
                    <Radio name="z" value={String(v.number)} defaultChecked={i === 0} aria-label={t("strategyVersions.history.fromLabel", { number: v.number })} />
                  </Table.Td>
                  <Table.Td>
                    <Radio name="do" value={String(v.number)} aria-label={t("strategyVersions.history.toLabel", { number: v.number })} />
                  </Table.Td>
                  <Table.Td>
                    {canRestore ? (
                      <ConfirmAction
                        label={t("strategyVersions.restore.button")}
                        ariaLabel={t("strategyVersions.restore.label", { number: v.number })}
                        title={t("strategyVersions.restore.title", { number: v.number })}
                        text={t("strategyVersions.restore.text", { number: v.number })}
                        confirmLabel={t("strategyVersions.restore.confirm", { number: v.number })}
                        fields={{ intent: "versionRestore", number: String(v.number) }}
                        color="blue"
                      />
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <Group>
              <Button type="submit" variant="light" leftSection={<IconGitCompare size={16} aria-hidden />} aria-describedby="compare-hint">
                {t("strategyVersions.history.compare")}
              </Button>
            </Group>
          </Stack>
        </Form>
      )}
      <ListPagination page={page} />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
