import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { IconFilePlus, IconTrash } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { requireUser } from "~/modules/auth/session.server";
import { createDraft, listDrafts } from "~/modules/strategy/drafts.server";
import { canCreateDraft } from "~/modules/strategy/strategy.policy";
import { draftCreateSchema, parsePage, REVIEW_STATUSES, TITLE_MAX, type ReviewStatus } from "~/modules/strategy/strategy.schema";
import { requireWorkspace } from "~/modules/workspaces/access.server";
import { formatDateTime, formatNumber } from "~/utils/dates";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { redirectWithToast } from "~/utils/toast.server";

/** The drafts of one workspace: 404 for non-members; two queries per page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workspaceId = params.workspaceId ?? "";
  const ws = await requireWorkspace(user, workspaceId, "view");
  const page = parsePage(new URL(request.url).searchParams.get("page"));
  const list = await listDrafts(workspaceId, page);
  return { workspaceId, ...list, canCreate: canCreateDraft(user, ws) };
}

/** Creates a draft (EDITOR and OWNER; 403 for a VIEWER) and opens it. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workspaceId = params.workspaceId ?? "";
  const parsed = draftCreateSchema.safeParse(formToObject(await request.formData()));
  if (!parsed.success) {
    // Access first: an outsider learns nothing from a validation message.
    await requireWorkspace(user, workspaceId, "view", context.clientIp);
    return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
  }
  const result = await createDraft(user, workspaceId, parsed.data, { ip: context.clientIp });
  if (!result.ok) return data({ errors: result.errors }, { status: result.status });
  return redirectWithToast(`/przestrzenie/${workspaceId}/strategie/${result.value.id}`, { key: "strategy.created", vars: { title: parsed.data.title } });
}

export default function StrategyDraftList() {
  const { workspaceId, items, page, canCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const fieldError = useFieldError();
  const busy = useNavigation().state === "submitting";
  const statusLabel = (s: string) => (REVIEW_STATUSES.includes(s as ReviewStatus) ? t(`strategy.review.${s as ReviewStatus}`) : s);
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Group justify="space-between" align="baseline">
          <Title order={2}>{t("strategy.list.title")}</Title>
          {canCreate ? (
            <Anchor component={Link} to={`/przestrzenie/${workspaceId}/strategie/kosz`} size="sm">
              <Group gap={4} component="span">
                <IconTrash size={14} aria-hidden />
                {t("strategy.trash.link")}
              </Group>
            </Anchor>
          ) : null}
        </Group>
        <Text c="dimmed" size="sm">
          {t("strategy.list.intro")}
        </Text>
      </Stack>
      {canCreate ? (
        <Form method="post">
          <Group align="flex-end" gap="sm">
            <TextInput
              name="title"
              label={t("strategy.list.newTitleLabel")}
              defaultValue={t("strategy.list.newDefaultTitle")}
              maxLength={TITLE_MAX}
              required
              error={fieldError(actionData?.errors?.title)}
              style={{ flex: 1, minWidth: 240 }}
            />
            <Button type="submit" leftSection={<IconFilePlus size={16} aria-hidden />} loading={busy}>
              {t("strategy.list.new")}
            </Button>
          </Group>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <Paper withBorder p="lg">
          <Stack gap={4}>
            <Text fw={600}>{t("strategy.list.empty")}</Text>
            <Text size="sm" c="dimmed">
              {t(canCreate ? "strategy.list.emptyEditor" : "strategy.list.emptyViewer")}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped highlightOnHover>
            <Table.Caption>{t("strategy.list.caption")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("strategy.list.col.title")}</Table.Th>
                <Table.Th scope="col">{t("strategy.list.col.updated")}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: "right" }}>
                  {t("strategy.list.col.words")}
                </Table.Th>
                <Table.Th scope="col">{t("strategy.list.col.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/przestrzenie/${workspaceId}/strategie/${d.id}`} fw={600}>
                      {d.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t("strategy.list.updatedBy", { date: formatDateTime(d.updatedAt, locale), name: d.updatedBy.name })}</Table.Td>
                  <Table.Td style={{ textAlign: "right" }}>{formatNumber(d.wordCount, locale)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={d.reviewStatus === "APPROVED" ? "green" : d.reviewStatus === "IN_REVIEW" ? "yellow" : "gray"}>
                      {statusLabel(d.reviewStatus)}
                    </Badge>
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
