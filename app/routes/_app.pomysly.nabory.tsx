import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconExternalLink, IconPlus } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { AdminPage, EmptyState } from "~/modules/admin/components/AdminPage";
import { ListPagination } from "~/modules/admin/components/ListPagination";
import { requireUser } from "~/modules/auth/session.server";
import { IntakeForm, type IntakeFormValues } from "~/modules/ideas/components/IntakeForm";
import { IntakesTable } from "~/modules/ideas/components/IntakesTable";
import { eraseContactByReference } from "~/modules/ideas/erasure.server";
import { intakeSchema } from "~/modules/ideas/intakes.schema";
import {
  closeIntake,
  createIntake,
  getIntake,
  intakeState,
  intakeWorkspaceOptions,
  lastOpenDay,
  listIntakes,
  requireIntakeManager,
  updateIntake,
} from "~/modules/ideas/intakes.server";
import { isReference } from "~/modules/ideas/reference";
import { warsawDate } from "~/modules/tasks/deadline";
import { fieldErrors, formToObject, type FieldErrors } from "~/utils/forms";
import { getEnv } from "~/utils/env.server";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Nabory pomysłów — Razem" }];

const URL_BASE = "/pomysly/nabory";

function pageOf(url: URL): number {
  const n = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
  return Number.isFinite(n) && n >= 1 && n <= 100_000 ? n : 1;
}

// Administrators and coordinators (canManageIntakes); anyone else gets an audited 403.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  await requireIntakeManager(user, requestMeta(request, context));
  const url = new URL(request.url);
  const now = new Date();
  const editId = url.searchParams.get("edytuj");
  const [{ items, page }, workspaces, editing] = await Promise.all([
    listIntakes(pageOf(url)),
    intakeWorkspaceOptions(user),
    editId ? getIntake(editId) : Promise.resolve(null),
  ]);
  const formValues: IntakeFormValues | null = editing
    ? {
        id: editing.id,
        title: editing.title,
        intro: editing.intro,
        opensOn: warsawDate(editing.opensAt),
        closesOn: editing.closesAt ? lastOpenDay(editing.closesAt) : "",
        workspaceId: editing.workspaceId ?? "",
        publicList: editing.publicList,
      }
    : url.searchParams.has("nowy")
      ? { title: "", intro: "", opensOn: warsawDate(now), closesOn: "", workspaceId: "", publicList: true }
      : null;
  return {
    page,
    rows: items.map((i) => ({
      id: i.id,
      title: i.title,
      firstDay: warsawDate(i.opensAt),
      lastDay: i.closesAt ? lastOpenDay(i.closesAt) : null,
      state: intakeState(i, now),
      workspace: i.workspace?.name ?? null,
      ideas: i._count.ideas,
      publicList: i.publicList,
    })),
    workspaces,
    formValues,
    retentionDays: getEnv().IDEAS_CONTACT_RETENTION_DAYS,
  };
}

type ActionData = { intent: string; errors: FieldErrors; values?: Record<string, string> };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const values = formToObject(await request.formData());
  const intent = values.intent ?? "";

  // Erasure on request goes by the idea's own rules (404 when invisible, 403 when not allowed).
  if (intent === "erase") {
    const reference = (values.reference ?? "").trim().toUpperCase();
    if (!isReference(reference)) return data<ActionData>({ intent, errors: { reference: "ideasPublic.validation.reference" }, values }, { status: 400 });
    try {
      const result = await eraseContactByReference(user, reference, meta);
      return redirectWithToast(URL_BASE, { key: result.erased ? "ideasPublic.erase.done" : "ideasPublic.erase.nothing", vars: { reference } });
    } catch (thrown) {
      if (thrown instanceof Response && thrown.status === 404) {
        return data<ActionData>({ intent, errors: { reference: "ideasPublic.erase.notFound" }, values }, { status: 404 });
      }
      throw thrown;
    }
  }

  await requireIntakeManager(user, meta);
  switch (intent) {
    case "create":
    case "update": {
      const parsed = intakeSchema.safeParse(values);
      if (!parsed.success) return data<ActionData>({ intent, errors: fieldErrors(parsed.error), values }, { status: 400 });
      const result = intent === "create" ? await createIntake(user, parsed.data, meta) : await updateIntake(user, values.id ?? "", parsed.data, meta);
      if (!result.ok) return data<ActionData>({ intent, errors: result.errors, values }, { status: result.status });
      return redirectWithToast(URL_BASE, { key: intent === "create" ? "ideasPublic.intakes.created" : "ideasPublic.intakes.saved", vars: { title: parsed.data.title } });
    }
    case "close": {
      const result = await closeIntake(user, values.id ?? "", meta);
      return redirectWithToast(URL_BASE, { key: result.ok ? "ideasPublic.intakes.closed" : "ideasPublic.intakes.notOpen", vars: { title: result.title }, color: result.ok ? "green" : "blue" });
    }
    default:
      return data<ActionData>({ intent, errors: { _form: "validation.invalid" } }, { status: 400 });
  }
}

function valuesFrom(posted: Record<string, string>): IntakeFormValues {
  return {
    id: posted.intent === "update" ? posted.id : undefined,
    title: posted.title ?? "",
    intro: posted.intro ?? "",
    opensOn: posted.opensOn ?? "",
    closesOn: posted.closesOn ?? "",
    workspaceId: posted.workspaceId ?? "",
    publicList: posted.publicList === "on",
  };
}

export default function Intakes() {
  const { page, rows, workspaces, formValues, retentionDays } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state === "submitting";
  const formFailed = actionData && (actionData.intent === "create" || actionData.intent === "update") && actionData.values;
  const shownForm = formFailed ? valuesFrom(actionData.values!) : formValues;
  const eraseError = actionData?.intent === "erase" ? actionData.errors.reference : undefined;
  const newButton = (
    <Button component={Link} to={`${URL_BASE}?nowy=1`} leftSection={<IconPlus size={16} aria-hidden />}>
      {t("ideasPublic.intakes.new")}
    </Button>
  );
  return (
    <AdminPage
      title={t("ideasPublic.intakes.title")}
      intro={t("ideasPublic.intakes.intro")}
      actions={
        <>
          <Anchor href="/pomysly" target="_blank" rel="noopener" size="sm">
            <Group gap={4} component="span">
              {t("ideasPublic.intakes.publicForm")}
              <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
          <Anchor component={Link} to="/pomysly/przyjete" size="sm">
            {t("ideasPublic.intakes.publicListLink")}
          </Anchor>
          {shownForm ? null : newButton}
        </>
      }
    >
      {shownForm ? <IntakeForm key={shownForm.id ?? "new"} values={shownForm} errors={formFailed ? actionData.errors : {}} workspaces={workspaces} cancelTo={URL_BASE} /> : null}
      {rows.length === 0 ? <EmptyState text={t("ideasPublic.intakes.empty")} action={shownForm ? null : newButton} /> : <IntakesTable rows={rows} editHref={(id) => `${URL_BASE}?edytuj=${encodeURIComponent(id)}`} />}
      <ListPagination page={page} />
      <Card withBorder padding="lg" component="section" aria-labelledby="erase-heading">
        <Stack gap="sm">
          <Title order={2} fz="h4" id="erase-heading">
            {t("ideasPublic.erase.title")}
          </Title>
          <Text size="sm">{t("ideasPublic.erase.intro", { days: retentionDays })}</Text>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="erase" />
            <Group align="flex-start" gap="sm" wrap="wrap">
              <TextInput
                name="reference"
                label={t("ideasPublic.erase.reference")}
                placeholder="P-2026-0001"
                required
                defaultValue={actionData?.intent === "erase" ? actionData.values?.reference : undefined}
                error={err(eraseError)}
                w={{ base: "100%", sm: 240 }}
              />
              <Button type="submit" color="red" variant="light" loading={busy} mt={{ base: 0, sm: 25 }}>
                {t("ideasPublic.erase.submit")}
              </Button>
            </Group>
          </Form>
        </Stack>
      </Card>
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
