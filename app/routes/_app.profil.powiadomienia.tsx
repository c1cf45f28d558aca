// /profil/powiadomienia — my e-mail notifications (immediately / daily digest / off), deadline
// reminder days, and my secret calendar-feed address (shown once; a new one revokes the old).
import { useState } from "react";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Alert, Button, Card, Checkbox, CopyButton, Group, Radio, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconCalendarEvent, IconCheck, IconCopy } from "@tabler/icons-react";
import { ErrorPage } from "~/components/ErrorPage";
import { FormError } from "~/components/FormError";
import { AdminPage } from "~/modules/admin/components/AdminPage";
import { ConfirmAction } from "~/modules/admin/components/ConfirmAction";
import { requireUser } from "~/modules/auth/session.server";
import { EMAIL_MODES, REMINDER_DAY_CHOICES, preferencesSchema } from "~/modules/reminders/reminders.schema";
import { calendarFeedUrl, getPreferences, regenerateCalendarToken, revokeCalendarToken, savePreferences } from "~/modules/reminders/settings.server";
import { fieldErrors, type FieldErrors } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast, toastHeader } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Powiadomienia i kalendarz — Razem" }];

const PATH = "/profil/powiadomienia";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { email: user.email, preferences: await getPreferences(user.id) };
}

type ActionData = { intent: "preferences"; errors: FieldErrors } | { intent: "calendar"; calendarUrl: string } | { intent: null; errors: FieldErrors };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  const meta = requestMeta(request, context);
  const intent = form.get("intent");
  if (intent === "preferences") {
    const str = (name: string) => {
      const v = form.get(name);
      return typeof v === "string" ? v : undefined;
    };
    const parsed = preferencesSchema.safeParse({
      emailMode: str("emailMode"),
      digestHour: str("digestHour"),
      reminderDays: form.getAll("reminderDays").filter((v): v is string => typeof v === "string"),
    });
    if (!parsed.success) return data<ActionData>({ intent: "preferences", errors: fieldErrors(parsed.error) }, { status: 400 });
    await savePreferences(user, parsed.data, meta);
    return redirectWithToast(PATH, { key: "reminders.saved" });
  }
  if (intent === "regenerateCalendar") {
    const token = await regenerateCalendarToken(user, meta);
    // Not a redirect: the address exists only in this answer (we keep its hash, not the address).
    return data<ActionData>(
      { intent: "calendar", calendarUrl: calendarFeedUrl(token) },
      { headers: { "Set-Cookie": await toastHeader({ key: "reminders.calendar.created" }), "Cache-Control": "no-store" } },
    );
  }
  if (intent === "revokeCalendar") {
    await revokeCalendarToken(user, meta);
    return redirectWithToast(PATH, { key: "reminders.calendar.revoked" });
  }
  return data<ActionData>({ intent: null, errors: { _form: "validation.invalid" } }, { status: 400 });
}

const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${h}:00` }));

export default function NotificationPreferences() {
  const { email, preferences } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state !== "idle";
  const [mode, setMode] = useState<string>(preferences.emailMode);
  const [hour, setHour] = useState<string>(String(preferences.digestHour));
  const errors: FieldErrors = actionData && "errors" in actionData ? actionData.errors : {};
  const newUrl = actionData && "calendarUrl" in actionData ? actionData.calendarUrl : null;

  return (
    <AdminPage title={t("reminders.title")} intro={t("reminders.intro")} back={{ to: "/profil", label: t("reminders.back") }} maw={760}>
      <FormError message={err(errors._form)} />
      <Form method="post">
        <input type="hidden" name="intent" value="preferences" />
        <Stack gap="lg">
          <Card withBorder padding="lg" component="section" aria-labelledby="email-heading">
            <Title order={2} fz="h4" id="email-heading" mb={4}>
              {t("reminders.email.title")}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t("reminders.email.intro", { email })}
            </Text>
            <Stack>
              <Radio.Group name="emailMode" label={t("reminders.email.mode")} value={mode} onChange={setMode} error={err(errors.emailMode)} required>
                <Stack gap="xs" mt="xs">
                  {EMAIL_MODES.map((m) => (
                    <Radio key={m} value={m} label={t(`reminders.email.${m}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              {mode === "DIGEST" ? (
                <Select
                  name="digestHour"
                  label={t("reminders.email.digestHour")}
                  description={t("reminders.email.digestHourHint")}
                  data={HOURS}
                  value={hour}
                  onChange={(v) => setHour(v ?? hour)}
                  allowDeselect={false}
                  maw={240}
                  error={err(errors.digestHour)}
                />
              ) : (
                <input type="hidden" name="digestHour" value={hour} />
              )}
            </Stack>
          </Card>

          <Card withBorder padding="lg" component="section" aria-labelledby="days-heading">
            <Title order={2} fz="h4" id="days-heading" mb={4}>
              {t("reminders.days.title")}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t("reminders.days.intro")}
            </Text>
            <Checkbox.Group label={t("reminders.days.legend")} defaultValue={preferences.reminderDays.map(String)} error={err(errors.reminderDays)}>
              <Stack gap="xs" mt="xs">
                {REMINDER_DAY_CHOICES.map((d) => (
                  <Checkbox key={d} name="reminderDays" value={String(d)} label={t(`reminders.days.${d}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
          </Card>

          <Group>
            <Button type="submit" loading={busy}>
              {t("reminders.save")}
            </Button>
          </Group>
        </Stack>
      </Form>

      <Card withBorder padding="lg" component="section" aria-labelledby="calendar-heading">
        <Group gap="xs" mb={4}>
          <IconCalendarEvent size={20} aria-hidden />
          <Title order={2} fz="h4" id="calendar-heading">
            {t("reminders.calendar.title")}
          </Title>
        </Group>
        <Stack gap="sm">
          <Text size="sm">{t("reminders.calendar.intro")}</Text>
          <Text size="sm" c="dimmed">
            {t("reminders.calendar.contents")}
          </Text>
          {newUrl ? (
            <Alert color="green" variant="light" title={t("reminders.calendar.created")}>
              <Stack gap="xs">
                <Text size="sm">{t("reminders.calendar.urlOnce")}</Text>
                <Group align="flex-end" gap="xs" wrap="nowrap">
                  <TextInput
                    label={t("reminders.calendar.urlLabel")}
                    value={newUrl}
                    readOnly
                    onFocus={(e) => e.currentTarget.select()}
                    style={{ flex: 1 }}
                    styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
                  />
                  <CopyButton value={newUrl}>
                    {({ copied, copy }) => (
                      <Button
                        type="button"
                        onClick={copy}
                        variant={copied ? "filled" : "default"}
                        color={copied ? "green" : undefined}
                        leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                      >
                        <span aria-live="polite">{copied ? t("reminders.calendar.copied") : t("reminders.calendar.copy")}</span>
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <Text size="sm">{preferences.calendarActive ? t("reminders.calendar.active") : t("reminders.calendar.inactive")}</Text>
          )}
          <Group gap="xs">
            {preferences.calendarActive ? (
              <>
                <ConfirmAction
                  label={t("reminders.calendar.regenerate")}
                  title={t("reminders.calendar.regenerateTitle")}
                  text={t("reminders.calendar.regenerateText")}
                  confirmLabel={t("reminders.calendar.regenerateConfirm")}
                  fields={{ intent: "regenerateCalendar" }}
                  color="blue"
                  variant="default"
                  size="sm"
                />
                <ConfirmAction
                  label={t("reminders.calendar.revoke")}
                  title={t("reminders.calendar.revokeTitle")}
                  text={t("reminders.calendar.revokeText")}
                  confirmLabel={t("reminders.calendar.revokeConfirm")}
                  fields={{ intent: "revokeCalendar" }}
                  size="sm"
                />
              </>
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="regenerateCalendar" />
                <Button type="submit" loading={busy}>
                  {t("reminders.calendar.generate")}
                </Button>
              </Form>
            )}
          </Group>
          <Title order={3} fz="h5" mt="sm">
            {t("reminders.calendar.howTo")}
          </Title>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t("reminders.calendar.outlookTitle")}
            </Text>
            <Text size="sm">{t("reminders.calendar.outlookSteps")}</Text>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t("reminders.calendar.googleTitle")}
            </Text>
            <Text size="sm">{t("reminders.calendar.googleSteps")}</Text>
          </Stack>
        </Stack>
      </Card>
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
