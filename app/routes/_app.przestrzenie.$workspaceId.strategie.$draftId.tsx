import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Anchor, Button, Grid, Group, Stack, Text, TextInput } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { FormError } from "~/components/FormError";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { requireUser } from "~/modules/auth/session.server";
import { StrategyEditor } from "~/modules/strategy/components/StrategyEditor";
import { DraftCommentsProvider, DraftComments } from "~/modules/strategy/components/DraftComments";
import { draftCommentAction, isDraftCommentIntent, loadDraftComments } from "~/modules/strategy/comments.server";
import { DraftReviewBar } from "~/modules/strategy/components/DraftReviewBar";
import { DraftExportMenu } from "~/modules/strategy/components/DraftExportMenu";
import { draftReviewPanel, draftVersionAction, isDraftVersionIntent } from "~/modules/strategy/review.server";
import { getDraftForEditor, renameDraft, trashDraft } from "~/modules/strategy/drafts.server";
import { allowedDraftActions } from "~/modules/strategy/strategy.policy";
import { draftRenameSchema, TITLE_MAX } from "~/modules/strategy/strategy.schema";
import { loadDraftAccess } from "~/modules/strategy/access.server";
import { formatDateTime } from "~/utils/dates";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: d ? `${d.draft.title} — Razem` : "Razem" }];

/** The editor of one draft: 404 unless the workspace is visible and the draft is not in the trash. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = await getDraftForEditor(user, params.workspaceId ?? "", params.draftId ?? "");
  return {
    draft: ctx.draft,
    workspaceId: ctx.draft.workspaceId,
    details: ctx.details,
    me: { id: user.id, name: user.name },
    can: allowedDraftActions(user, ctx.access),
    review: await draftReviewPanel(user, ctx),
    comments: await loadDraftComments(user, ctx),
  };
}

/** intent=rename (title with the version it started from: 409 on a conflict) or intent=trash. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const workspaceId = params.workspaceId ?? "";
  const draftId = params.draftId ?? "";
  const form = formToObject(await request.formData());
  const meta = { ip: context.clientIp, workspaceId };
  if (isDraftCommentIntent(form.intent)) return draftCommentAction({ request, params, context }, form);
  if (isDraftVersionIntent(form.intent)) {
    const done = await draftVersionAction(user, workspaceId, draftId, form, meta);
    return data({ ...done.body, errors: done.body.errors ?? {} }, { status: done.status });
  }
  if (form.intent === "trash") {
    const done = await trashDraft(user, draftId, meta);
    return redirectWithToast(`/przestrzenie/${workspaceId}/strategie`, { key: "strategy.trashed", vars: { title: done.title } });
  }
  if (form.intent !== "rename") {
    await loadDraftAccess(user, draftId, { workspaceId });
    return data({ errors: { _form: "validation.invalid" } as Record<string, string | undefined> }, { status: 400 });
  }
  const parsed = draftRenameSchema.safeParse(form);
  if (!parsed.success) {
    await loadDraftAccess(user, draftId, { workspaceId });
    return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
  }
  const result = await renameDraft(user, draftId, parsed.data, meta);
  if (!result.ok) return data({ errors: result.errors }, { status: result.status });
  return redirectWithToast(`/przestrzenie/${workspaceId}/strategie/${draftId}`, { key: "strategy.renamed" });
}

export default function StrategyDraftPage() {
  const { draft, workspaceId, details, me, can, review, comments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const fieldError = useFieldError();
  const busy = useNavigation().state === "submitting";
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/przestrzenie/${workspaceId}/strategie`} size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          {t("strategy.editor.back")}
        </Group>
      </Anchor>
      <FormError message={fieldError(actionData?.errors?._form)} />
      {can.rename ? (
        <Form method="post" key={draft.version}>
          <input type="hidden" name="intent" value="rename" />
          <input type="hidden" name="version" value={draft.version} />
          <Group align="flex-end" gap="sm">
            <TextInput
              name="title"
              label={t("strategy.editor.titleLabel")}
              defaultValue={draft.title}
              maxLength={TITLE_MAX}
              required
              error={fieldError(actionData?.errors?.title)}
              style={{ flex: 1, minWidth: 240 }}
              size="md"
            />
            <Button type="submit" variant="light" loading={busy}>
              {t("strategy.editor.saveTitle")}
            </Button>
            {can.trash ? (
              <ConfirmAction
                label={t("strategy.editor.trash")}
                title={t("strategy.editor.trash")}
                text={t("strategy.editor.trashConfirm", { title: draft.title })}
                confirmLabel={t("strategy.editor.trash")}
                fields={{ intent: "trash" }}
                size="sm"
              />
            ) : null}
          </Group>
        </Form>
      ) : (
        <Text component="h2" fz="h2" fw={700} m={0}>
          {draft.title}
        </Text>
      )}
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t("strategy.editor.lastChange", { date: formatDateTime(details.updatedAt, locale), name: details.updatedBy.name })}
        </Text>
        <DraftExportMenu workspaceId={workspaceId} draftId={draft.id} canSave={can.edit} />
      </Group>
      <DraftReviewBar workspaceId={workspaceId} draftId={draft.id} title={draft.title} review={review} />
      <DraftCommentsProvider comments={comments}>
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, lg: 8, xl: 9 }}>
            <StrategyEditor draftId={draft.id} workspaceId={workspaceId} me={me} editable={can.edit} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4, xl: 3 }}>
            <DraftComments />
          </Grid.Col>
        </Grid>
      </DraftCommentsProvider>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
