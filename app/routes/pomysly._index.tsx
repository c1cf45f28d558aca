import { data, redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Alert, Anchor, Stack, Text, Title } from "@mantine/core";
import { IconCalendarOff } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { PublicIdeaForm, type PublicFormValues } from "~/modules/ideas/components/PublicIdeaForm";
import { PublicLayout, PublicParagraphs } from "~/modules/ideas/components/PublicLayout";
import { PublicPrivacyNotice } from "~/modules/ideas/components/PublicPrivacyNotice";
import { TOKEN_FIELD } from "~/modules/ideas/ideas-public.schema";
import { currentIntake, lastOpenDay, nextIntake } from "~/modules/ideas/intakes.server";
import { issueFormToken, publicFormSettings, submitIdea } from "~/modules/ideas/submit.server";
import { getCurrentUser } from "~/modules/auth/session.server";
import { formatDate } from "~/utils/dates";
import { formToObject, type FieldErrors } from "~/utils/forms";
import { createTranslator } from "~/utils/i18n";
import { useLocale, useT } from "~/utils/i18n-react";
import { resolveLocale } from "~/utils/i18n.server";
import { requestMeta } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Pomysły dla regionu — Razem" }];

/** Far more than the longest valid form; anything bigger is refused before it is parsed. */
const MAX_BODY_BYTES = 64 * 1024;

// Public (no sign-in): the residents' idea form while an intake period is open.
export async function loader() {
  const now = new Date();
  const intake = await currentIntake(now);
  const settings = publicFormSettings();
  if (intake) {
    return {
      open: true as const,
      intake: { title: intake.title, intro: intake.intro, lastDay: intake.closesAt ? lastOpenDay(intake.closesAt) : null },
      token: issueFormToken(now),
      settings,
    };
  }
  const next = await nextIntake(now);
  return { open: false as const, next: next ? { title: next.title, opensAt: next.opensAt.toISOString() } : null, settings };
}

/** The posted form, or null when the body is larger than `max` bytes (read no further than that). */
async function readLimitedForm(request: Request, max: number): Promise<FormData | null> {
  if (Number(request.headers.get("Content-Length") ?? "0") > max) return null;
  if (!request.body) return request.formData();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Request(request.url, { method: "POST", headers: request.headers, body: Buffer.concat(chunks) }).formData();
}

type ActionData = { values: PublicFormValues; errors: FieldErrors; formError: string | null; token: string };

function keep(values: Record<string, string>): PublicFormValues {
  const { title, description, category, location, name, email, consent } = values;
  return { title, description, category, location, name, email, consent };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readLimitedForm(request, MAX_BODY_BYTES);
  if (!form) return data<ActionData>({ values: {}, errors: {}, formError: "ideasPublic.error.tooLarge", token: issueFormToken() }, { status: 413 });
  const values = formToObject(form);
  const user = await getCurrentUser(request);
  const t = createTranslator(await resolveLocale(request, user?.locale));
  const { ip } = requestMeta(request, context);
  const result = await submitIdea(values, { ip, consentText: t("ideasPublic.form.consent") });
  if (result.ok) return redirect(`/pomysly/dziekujemy/${encodeURIComponent(result.reference)}`);
  const kept = keep(values);
  switch (result.reason) {
    case "invalid":
      // The resident keeps their original timestamp: fixing a field must not count as "too fast".
      return data<ActionData>({ values: kept, errors: result.errors, formError: null, token: values[TOKEN_FIELD] ?? issueFormToken() }, { status: 400 });
    case "bot":
      // Neutral: a person caught by mistake (a form left open for a day) simply sends again.
      return data<ActionData>({ values: kept, errors: {}, formError: "ideasPublic.error.refused", token: issueFormToken() }, { status: 400 });
    case "rateLimited": {
      const minutes = Math.max(1, Math.ceil(result.retryAfterMs / 60_000));
      return data<ActionData>(
        { values: kept, errors: {}, formError: `ideasPublic.error.rateLimited|${JSON.stringify({ minutes })}`, token: values[TOKEN_FIELD] ?? issueFormToken() },
        { status: 429, headers: { "Retry-After": String(Math.ceil(result.retryAfterMs / 1000)) } },
      );
    }
    case "closed":
      return data<ActionData>({ values: kept, errors: {}, formError: "ideasPublic.error.closed", token: issueFormToken() }, { status: 409 });
  }
}

export default function PublicIdeas() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  if (!loaded.open) {
    return (
      <PublicLayout title={t("ideasPublic.title")}>
        <Alert color="gray" variant="light" icon={<IconCalendarOff aria-hidden />} title={<Title order={2} fz="h4">{t("ideasPublic.closed.title")}</Title>}>
          <Stack gap="xs">
            {actionData?.formError === "ideasPublic.error.closed" ? <Text role="alert">{t("ideasPublic.error.closed")}</Text> : null}
            <Text>{t("ideasPublic.closed.text")}</Text>
            <Text>{loaded.next ? t("ideasPublic.closed.next", { title: loaded.next.title, date: formatDate(loaded.next.opensAt, locale) }) : t("ideasPublic.closed.noNext")}</Text>
          </Stack>
        </Alert>
        <Anchor component={Link} to="/pomysly/przyjete">
          {t("ideasPublic.list.link")}
        </Anchor>
        <PublicPrivacyNotice contact={loaded.settings.contact} retentionDays={loaded.settings.retentionDays} />
      </PublicLayout>
    );
  }
  const { intake } = loaded;
  return (
    <PublicLayout title={t("ideasPublic.title")} intro={t("ideasPublic.lead")}>
      <Stack gap="xs">
        <Title order={2} fz="h3">
          {intake.title}
        </Title>
        {intake.intro ? <PublicParagraphs text={intake.intro} /> : null}
        <Text fw={600}>{intake.lastDay ? t("ideasPublic.intake.until", { date: formatDate(`${intake.lastDay}T12:00:00Z`, locale) }) : t("ideasPublic.intake.noEnd")}</Text>
      </Stack>
      <PublicIdeaForm
        token={actionData?.token ?? loaded.token}
        values={actionData?.values}
        errors={actionData?.errors}
        formError={actionData?.formError}
        privacy={loaded.settings}
      />
    </PublicLayout>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
