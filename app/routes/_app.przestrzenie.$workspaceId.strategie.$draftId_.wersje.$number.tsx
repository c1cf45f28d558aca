import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title, TypographyStylesProvider } from "@mantine/core";
import { DraftExportMenu } from "~/modules/strategy/components/DraftExportMenu";
import { IconArrowLeft, IconGitCompare } from "@tabler/icons-react";
import { generateHTML } from "@tiptap/html/server";
import { ErrorPage } from "~/components/ErrorPage";
import { FormError } from "~/components/FormError";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { requireUser } from "~/modules/auth/session.server";
import { loadDraftAccess } from "~/modules/strategy/access.server";
import { versionLabel } from "~/modules/strategy/components/DraftHistoryLabel";
import { draftVersionAction } from "~/modules/strategy/review.server";
import { draftDenial } from "~/modules/strategy/strategy.policy";
import { draftExtensions, getVersion } from "~/modules/strategy/versions.server";
import type { MessageKey } from "~/locales";
import { formatDateTime, formatNumber } from "~/utils/dates";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.draft.title} — Razem` : "Razem" }];

/** One version, read-only (rendered on the server from its stored ProseMirror JSON). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workspaceId = params.workspaceId ?? "";
  const ctx = await loadDraftAccess(user, params.draftId ?? "", { workspaceId });
  const version = await getVersion(ctx.draft.id, Number(params.number));
  return {
    workspaceId,
    draft: { id: ctx.draft.id, title: ctx.draft.title },
    version: { number: version.number, name: version.name, kind: version.kind, author: version.author, createdAt: version.createdAt, wordCount: version.wordCount },
    html: generateHTML(version.json, draftExtensions()),
    canRestore: draftDenial(user, "restoreVersion", ctx.access) === null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workspaceId = params.workspaceId ?? "";
  const draftId = params.draftId ?? "";
  const done = await draftVersionAction(user, workspaceId, draftId, { intent: "versionRestore", number: params.number ?? "" }, { ip: context.clientIp });
  if (!done.body.ok) return data({ error: done.body.error }, { status: done.status });
  return redirectWithToast(`/przestrzenie/${workspaceId}/strategie/${draftId}`, { key: (done.body.message ?? "strategyVersions.version.restored") as MessageKey, vars: done.body.vars });
}

export default function DraftVersionPage() {
  const { workspaceId, draft, version, html, canRestore } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const translate = useFieldError();
  const base = `/przestrzenie/${workspaceId}/strategie/${draft.id}`;
  const name = versionLabel(t, version);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`${base}/historia`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("strategyVersions.view.history")}
        </Group>
      </Anchor>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {draft.title}
        </Text>
        <Title order={2}>{t("strategyVersions.view.title", { number: version.number, name })}</Title>
        <Text size="sm" c="dimmed">
          {t("strategyVersions.view.meta", {
            kind: t(`strategyVersions.kind.${version.kind}`),
            author: version.author ?? "—",
            date: formatDateTime(version.createdAt, locale),
            words: formatNumber(version.wordCount, locale),
          })}
        </Text>
      </Stack>
      <FormError message={translate(actionData?.error ?? undefined)} />
      <Group gap="sm">
        <Button component={Link} to={`${base}/porownaj?z=${version.number}&do=biezaca`} variant="light" leftSection={<IconGitCompare size={16} aria-hidden />}>
          {t("strategyVersions.view.compareCurrent")}
        </Button>
        <DraftExportMenu workspaceId={workspaceId} draftId={draft.id} version={version.number} canSave={canRestore} />
        {canRestore ? (
          <ConfirmAction
            label={t("strategyVersions.restore.button")}
            ariaLabel={t("strategyVersions.restore.label", { number: version.number })}
            title={t("strategyVersions.restore.title", { number: version.number })}
            text={t("strategyVersions.restore.text", { number: version.number })}
            confirmLabel={t("strategyVersions.restore.confirm", { number: version.number })}
            fields={{ intent: "versionRestore" }}
            color="blue"
            size="sm"
          />
        ) : null}
      </Group>
      <Alert variant="light" color="blue">
        {t("strategyVersions.view.readOnly")}
      </Alert>
      <Paper withBorder p="lg" component="article" aria-label={t("strategyVersions.view.title", { number: version.number, name })}>
        <TypographyStylesProvider>
          <div style={{ overflowWrap: "anywhere" }} dangerouslySetInnerHTML={{ __html: html }} />
        </TypographyStylesProvider>
      </Paper>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
