import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Alert, Card, Stack, Text, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { FormError } from "~/components/FormError";
import { requireUser } from "~/modules/auth/session.server";
import { GENERATE_AHEAD_DAYS } from "~/modules/reminders/recurrences.server";
import { emptyRecurrence, RecurrenceForm, recurrenceValuesFromForm, type RecurrenceFormValues } from "~/modules/tasks/components/RecurrenceForm";
import { RecurrenceList } from "~/modules/tasks/components/RecurrenceList";
import {
  createRecurrence,
  deleteRecurrence,
  listRecurrences,
  requireRecurrences,
  setRecurrenceActive,
  updateRecurrence,
  type RecurrenceResult,
} from "~/modules/tasks/recurrence-admin.server";
import { isRecurrenceIntent, recurrenceFieldsSchema, recurrenceIdSchema, recurrencesUrl } from "~/modules/tasks/recurrence.schema";
import { teamMembers } from "~/modules/tasks/task-list.server";
import { teamTitle } from "~/modules/teams/components/useTeam";
import { formatTermDate } from "~/modules/teams/format";
import { isClosedTeam } from "~/modules/teams/team.policy";
import { fieldErrors, formToObject, type FieldErrors } from "~/utils/forms";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = ({ matches }) => [{ title: teamTitle(matches, "Zadania cykliczne") }];

/** `?edytuj=<id>` opens the form on that recurrence. */
const EDIT_PARAM = "edytuj";

/**
 * PERIODIC teams only (404 otherwise, and for anyone who may not see the team); the people who
 * create the team's tasks — 403 (audited) for the other members. Closed teams: read-only.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = await requireRecurrences(user, params.teamId ?? "", "view", requestMeta(request, context).ip);
  const rows = await listRecurrences(ctx, new Date());
  const editId = new URL(request.url).searchParams.get(EDIT_PARAM);
  const editing = ctx.rights.edit && editId ? (rows.find((r) => r.id === editId) ?? null) : null;
  return {
    team: { id: ctx.team.id, name: ctx.team.name, status: ctx.team.status },
    term: ctx.term,
    canEdit: ctx.rights.edit,
    rows,
    members: ctx.rights.edit ? await teamMembers(ctx.team.id) : [],
    editing: editing
      ? {
          id: editing.id,
          values: {
            title: editing.title,
            description: editing.description,
            assigneeId: editing.assigneeId ?? "",
            priority: editing.priority,
            cadence: editing.cadence,
            day: String(editing.day),
            startDate: editing.startDate,
          } satisfies RecurrenceFormValues,
        }
      : null,
    aheadDays: GENERATE_AHEAD_DAYS,
  };
}

type ActionData = { intent: string; errors: FieldErrors; values: Record<string, string> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  // Authorise before validating: someone who may not change anything learns nothing from field errors.
  const ctx = await requireRecurrences(user, params.teamId ?? "", "edit", meta.ip);
  const values = formToObject(await request.formData());
  const intent = values.intent ?? "";
  const here = recurrencesUrl(ctx.team.id);
  const failed = (errors: FieldErrors, status = 400) => data<ActionData>({ intent, errors, values }, { status });
  const outcome = (r: Exclude<RecurrenceResult, { ok: true }>) => (r.status === 404 ? failed({ _form: "recurrences.gone" }, 404) : failed(r.errors));
  if (!isRecurrenceIntent(intent)) return failed({ _form: "validation.invalid" });
  const now = new Date();
  if (intent === "create" || intent === "update") {
    const parsed = recurrenceFieldsSchema.safeParse(values);
    const id = intent === "update" ? recurrenceIdSchema.safeParse(values) : null;
    if (id && !id.success) return failed({ _form: "validation.invalid" });
    if (!parsed.success) return failed(fieldErrors(parsed.error));
    const r = id?.success ? await updateRecurrence(user, ctx, id.data.id, parsed.data, meta, now) : await createRecurrence(user, ctx, parsed.data, meta, now);
    if (!r.ok) return outcome(r);
    if (intent === "create") return redirectWithToast(here, { key: "recurrences.toast.created", vars: { title: r.title, count: r.created } });
    return redirectWithToast(here, r.changed ? { key: "recurrences.toast.updated", vars: { title: r.title, count: r.created } } : { key: "recurrences.toast.unchanged", color: "blue" });
  }
  const id = recurrenceIdSchema.safeParse(values);
  if (!id.success) return failed({ _form: "validation.invalid" });
  if (intent === "delete") {
    const r = await deleteRecurrence(user, ctx, id.data.id, meta);
    if (!r.ok) return outcome(r);
    return redirectWithToast(here, { key: "recurrences.toast.deleted", vars: { title: r.title } });
  }
  const r = await setRecurrenceActive(user, ctx, id.data.id, intent === "resume", meta, now);
  if (!r.ok) return outcome(r);
  if (!r.changed) return redirectWithToast(here, { key: "recurrences.toast.unchanged", color: "blue" });
  return redirectWithToast(
    here,
    intent === "resume" ? { key: "recurrences.toast.resumed", vars: { title: r.title, count: r.created } } : { key: "recurrences.toast.paused", vars: { title: r.title } },
  );
}

export default function TeamRecurrences() {
  const { team, term, canEdit, rows, members, editing, aheadDays } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const err = useFieldError();
  const locale = useLocale();
  const closed = isClosedTeam(team.status);
  const here = recurrencesUrl(team.id);
  // After a refused save the form shows what was typed, for the recurrence it was about.
  const refused = actionData && (actionData.intent === "create" || actionData.intent === "update") ? actionData : undefined;
  const formId = refused ? (refused.intent === "update" ? (refused.values.id ?? null) : null) : (editing?.id ?? null);
  const fallback = editing && formId === editing.id ? editing.values : emptyRecurrence(term.cadence);
  const formValues = recurrenceValuesFromForm(refused?.values, fallback);
  const editingTitle = formId ? (rows.find((r) => r.id === formId)?.title ?? formValues.title) : null;
  const otherError = actionData && !refused ? actionData.errors._form : refused?.errors._form;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2}>{t("recurrences.title")}</Title>
        <Text c="dimmed" maw={860}>
          {t("recurrences.intro", { days: aheadDays })}
        </Text>
      </Stack>
      {closed ? (
        <Alert color="gray" variant="light" icon={<IconLock aria-hidden />}>
          {t("recurrences.closed")}
        </Alert>
      ) : null}
      <FormError message={err(otherError)} />
      {rows.length === 0 ? (
        <Card withBorder padding="xl">
          <Stack gap="xs" maw={720}>
            <Title order={3} fz="h4">
              {t(canEdit ? "recurrences.empty.title" : "recurrences.empty.readOnly")}
            </Title>
            {canEdit ? <Text c="dimmed">{t("recurrences.empty.text", { days: aheadDays })}</Text> : null}
          </Stack>
        </Card>
      ) : (
        <RecurrenceList teamId={team.id} teamName={team.name} rows={rows} canEdit={canEdit} editUrl={(id) => `${here}?${EDIT_PARAM}=${encodeURIComponent(id)}#formularz`} />
      )}
      {canEdit ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="formularz" maw={960}>
          <Stack gap="md">
            <Title order={3} fz="h4" id="formularz">
              {editingTitle ? t("recurrences.form.editTitle", { title: editingTitle }) : t("recurrences.form.newTitle")}
            </Title>
            <RecurrenceForm
              key={`${formId ?? "new"}:${refused ? JSON.stringify(refused.values) : ""}`}
              id={formId}
              values={formValues}
              errors={refused?.errors}
              members={members}
              termEndText={term.termEnd ? formatTermDate(term.termEnd, locale) : null}
              cancelTo={here}
            />
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
