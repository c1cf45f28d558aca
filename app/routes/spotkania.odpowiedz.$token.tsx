// /spotkania/odpowiedz/<secret token>?odp=tak|nie|moze — answering a meeting invitation from the
// e-mail, without signing in. GET shows the meeting and the three answers (the one from the link
// pre-selected); POST saves it. Unknown token → 404; a cancelled or deleted meeting says so.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Box, Button, Group, List, Radio, Stack, Text, ThemeIcon } from "@mantine/core";
import { IconCircleCheck, IconInfoCircle } from "@tabler/icons-react";
import { AuthLayout } from "~/components/AuthLayout";
import { ErrorPage } from "~/components/ErrorPage";
import { FormError } from "~/components/FormError";
import { notFound } from "~/modules/auth/authorize.server";
import { answerFromLink, rsvpSchema, RSVP_ANSWERS, type RsvpAnswer } from "~/modules/meetings/invitations.schema";
import { recordRsvpByToken, rsvpView } from "~/modules/meetings/rsvp.server";
import { warsawDate, warsawTime } from "~/modules/tasks/deadline";
import { formatLongDay } from "~/utils/dates";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useFieldError, useLocale, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Odpowiedź na zaproszenie — Razem" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const view = await rsvpView(params.token ?? "");
  if (!view) notFound();
  const fromLink = answerFromLink(new URL(request.url).searchParams.get("odp"));
  return { view, selected: fromLink ?? (view.rsvp === "PENDING" ? null : view.rsvp) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = formToObject(await request.formData());
  const parsed = rsvpSchema.safeParse(values);
  if (!parsed.success) {
    if (!(await rsvpView(params.token ?? ""))) notFound();
    return data({ saved: null, errors: fieldErrors(parsed.error), formError: null }, { status: 400 });
  }
  const result = await recordRsvpByToken(params.token ?? "", parsed.data.answer, requestMeta(request, context).ip);
  if (!result.ok) {
    if (result.reason === "notFound") notFound();
    const formError = result.reason === "deleted" ? "meetingInvitations.page.deleted" : "meetingInvitations.page.cancelled";
    return data({ saved: null, errors: {}, formError }, { status: 409 });
  }
  return { saved: parsed.data.answer as RsvpAnswer, errors: {}, formError: null };
}

export default function RsvpPage() {
  const { view, selected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const err = useFieldError();
  const busy = useNavigation().state !== "idle";
  const m = view.meeting;
  const startsAt = new Date(m.startsAt);
  const endsAt = new Date(m.endsAt);
  const when =
    warsawDate(startsAt) === warsawDate(endsAt)
      ? t("meetingInvitations.when", { date: formatLongDay(startsAt, locale), start: warsawTime(startsAt), end: warsawTime(endsAt) })
      : `${formatLongDay(startsAt, locale)}, ${warsawTime(startsAt)} – ${formatLongDay(endsAt, locale)}, ${warsawTime(endsAt)}`;
  const saved = actionData?.saved ?? null;
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};

  const summary = (
    <Stack gap={6} component="dl" m={0}>
      <Text component="dt" fw={600} size="sm">
        {t("meetingInvitations.page.what")}
      </Text>
      <Text component="dd" m={0}>
        {m.title} ({t(`meetingInvitations.kind.${m.kind}` as "meetingInvitations.kind.WORKSHOP")})
      </Text>
      <Text component="dt" fw={600} size="sm">
        {t("meetingInvitations.page.when")}
      </Text>
      <Text component="dd" m={0}>
        {when}
      </Text>
      {m.place || m.onlineUrl ? (
        <>
          <Text component="dt" fw={600} size="sm">
            {t("meetingInvitations.page.where")}
          </Text>
          <Text component="dd" m={0} style={{ overflowWrap: "anywhere" }}>
            {[m.place, m.onlineUrl ? t("meetingInvitations.online", { url: m.onlineUrl }) : null].filter(Boolean).join("; ")}
          </Text>
        </>
      ) : null}
      <Text component="dt" fw={600} size="sm">
        {t("meetingInvitations.page.organiser")}
      </Text>
      <Text component="dd" m={0}>
        {m.organiser}
      </Text>
      {m.agenda.length > 0 ? (
        <>
          <Text component="dt" fw={600} size="sm">
            {t("meetingInvitations.page.agenda")}
          </Text>
          {/* The <ol> inside the <dd>: list items must sit directly in a list (axe "listitem"). */}
          <Box component="dd" m={0}>
            <List type="ordered" size="sm">
              {m.agenda.map((item) => (
                <List.Item key={item.id}>{item.startTime ? `${item.startTime} ${item.title}` : item.title}</List.Item>
              ))}
            </List>
          </Box>
        </>
      ) : null}
    </Stack>
  );

  if (view.state !== "open") {
    return (
      <AuthLayout title={t("meetingInvitations.page.title")}>
        <Alert color={view.state === "deleted" ? "gray" : "orange"} icon={<IconInfoCircle aria-hidden />} role="status">
          {t(view.state === "deleted" ? "meetingInvitations.page.deleted" : "meetingInvitations.page.cancelled")}
        </Alert>
        {view.state === "cancelled" ? summary : <Text fw={600}>{m.title}</Text>}
      </AuthLayout>
    );
  }

  if (saved) {
    return (
      <AuthLayout title={t("meetingInvitations.page.thanksTitle")}>
        <Group gap="sm" wrap="nowrap" align="flex-start" role="status">
          <ThemeIcon color="teal" variant="light" size="lg" radius="xl" aria-hidden>
            <IconCircleCheck size={22} />
          </ThemeIcon>
          <Text>{t("meetingInvitations.page.thanks", { answer: t(`meetingInvitations.answer.${saved}`) })}</Text>
        </Group>
        {summary}
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t("meetingInvitations.page.title")} intro={t("meetingInvitations.page.hello", { name: view.name })}>
      {summary}
      <Form method="post" noValidate>
        <Stack gap="md">
          <FormError message={err(actionData?.formError ?? undefined)} />
          {view.rsvp !== "PENDING" ? (
            <Text size="sm" c="dimmed">
              {t("meetingInvitations.page.current", { answer: t(`meetingInvitations.answer.${view.rsvp}`) })}
            </Text>
          ) : null}
          <Radio.Group name="answer" label={t("meetingInvitations.page.legend")} defaultValue={selected ?? undefined} required error={err(errors.answer)}>
            <Stack gap="sm" mt="xs">
              {RSVP_ANSWERS.map((answer) => (
                <Radio key={answer} value={answer} label={t(`meetingInvitations.answer.${answer}`)} size="md" />
              ))}
            </Stack>
          </Radio.Group>
          <Button type="submit" loading={busy} size="md" fullWidth>
            {t("meetingInvitations.page.submit")}
          </Button>
        </Stack>
      </Form>
    </AuthLayout>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
