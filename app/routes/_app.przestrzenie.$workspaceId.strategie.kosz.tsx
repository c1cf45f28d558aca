// The drafts of a workspace in the trash: EDITOR and OWNER see them (404 for others who cannot
// edit, as for any trash); an OWNER or the draft's creator restores it. Nothing is purged.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Anchor, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconArrowBackUp, IconArrowLeft } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { notFound } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { listTrashedDrafts, restoreDraft } from "~/modules/strategy/drafts.server";
import { canDraft } from "~/modules/strategy/strategy.policy";
import { parsePage } from "~/modules/strategy/strategy.schema";
import { requireWorkspace } from "~/modules/workspaces/access.server";
import { formatDateTime, formatNumber } from "~/utils/dates";
import { formToObject } from "~/utils/forms";
import { useLocale, useT } from "~/utils/i18n-react";
import { redirectWithToast } from "~/utils/toast.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workspaceId = params.workspaceId ?? "";
  const ws = await requireWorkspace(user, workspaceId, "view");
  const mayEdit = canDraft(user, "edit", { role: ws.role, archived: false, creator: false });
  if (!mayEdit) notFound();
  const list = await listTrashedDrafts(workspaceId, parsePage(new URL(request.url).searchParams.get("page")));
  return {
    workspaceId,
    page: list.page,
    items: list.items.map((d) => ({ ...d, canRestore: canDraft(user, "restore", { role: ws.role, archived: ws.archived, creator: d.createdById === user.id }) })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workspaceId = params.workspaceId ?? "";
  const form = formToObject(await request.formData());
  await requireWorkspace(user, workspaceId, "view", context.clientIp);
  if (form.intent !== "restore" || !form.draftId) notFound();
  const done = await restoreDraft(user, form.draftId, { ip: context.clientIp });
  if (done.workspaceId !== workspaceId) notFound();
  return redirectWithToast(`/przestrzenie/${workspaceId}/strategie/${form.draftId}`, { key: "strategy.trash.restored", vars: { title: done.title } });
}

export default function StrategyDraftTrash() {
  const { workspaceId, items, page } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/przestrzenie/${workspaceId}/strategie`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("strategy.editor.back")}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <Title order={2}>{t("strategy.trash.title")}</Title>
        <Text c="dimmed" size="sm">
          {t("strategy.trash.intro")}
        </Text>
      </Stack>
      {items.length === 0 ? (
        <Paper withBorder p="lg">
          <Text>{t("strategy.trash.empty")}</Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption>{t("strategy.trash.title")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("strategy.list.col.title")}</Table.Th>
                <Table.Th scope="col">{t("strategy.trash.col.deleted")}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {t("strategy.list.col.words")}
                </Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t("strategy.trash.col.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td fw={600}>{d.title}</Table.Td>
                  <Table.Td>{t("strategy.trash.deletedBy", { date: d.deletedAt ? formatDateTime(d.deletedAt, locale) : "—", name: d.deletedBy?.name ?? "—" })}</Table.Td>
                  <Table.Td style={{ textAlign: "right" }}>{formatNumber(d.wordCount, locale)}</Table.Td>
                  <Table.Td>
                    {d.canRestore ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="restore" />
                        <input type="hidden" name="draftId" value={d.id} />
                        <Button type="submit" size="xs" variant="light" leftSection={<IconArrowBackUp size={14} aria-hidden />} aria-label={t("strategy.trash.restoreNamed", { title: d.title })}>
                          {t("strategy.trash.restore")}
                        </Button>
                      </Form>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t("strategy.trash.ownerOnly")}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ListPagination page={page} />
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
