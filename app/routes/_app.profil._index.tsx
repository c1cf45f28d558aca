import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Anchor, Badge, Button, Card, Group, PasswordInput, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { ErrorPage } from "~/components/ErrorPage";
import { NewPasswordFields } from "~/components/NewPasswordFields";
import { changePassword } from "~/modules/auth/auth.server";
import { changePasswordSchema } from "~/modules/auth/auth.schema";
import { profileSchema } from "~/modules/auth/profile.schema";
import { updateProfile } from "~/modules/auth/profile.server";
import { requireUser, sessionIdFromRequest } from "~/modules/auth/session.server";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";
import { localeCookie } from "~/utils/i18n.server";

export const meta: MetaFunction = () => [{ title: "Mój profil — Razem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    profile: {
      name: user.name,
      email: user.email,
      locale: user.locale,
      isAdmin: user.isAdmin,
      role: user.institutionRole,
      institution: user.institution ? `${user.institution.name} (${user.institution.shortName})` : null,
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = formToObject(await request.formData());
  const meta = requestMeta(request, context);
  if (values.intent === "password") {
    const parsed = changePasswordSchema.safeParse(values);
    if (!parsed.success) return data({ intent: "password", errors: fieldErrors(parsed.error) }, { status: 400 });
    const result = await changePassword(user, sessionIdFromRequest(request) ?? "", parsed.data, meta);
    if (!result.ok) return data({ intent: "password", errors: { currentPassword: "password.currentWrong" } }, { status: 400 });
    return redirectWithToast("/profil", { key: "password.changed" });
  }
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) return data({ intent: "profile", errors: fieldErrors(parsed.error) }, { status: 400 });
  await updateProfile(user, parsed.data, meta);
  return redirectWithToast("/profil", { key: "form.saved" }, { headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) } });
}

export default function Profile() {
  const { profile } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const profileErrors = actionData?.intent === "profile" ? errors : {};
  const passwordErrors = actionData?.intent === "password" ? errors : {};
  return (
    <Stack maw={640} gap="lg">
      <Title order={1}>{t("profile.title")}</Title>
      <Anchor component={Link} to="/profil/powiadomienia">
        {t("reminders.profileLink")}
      </Anchor>
      <Card withBorder padding="lg" component="section" aria-labelledby="details">
        <Title order={2} fz="h4" id="details" mb="sm">
          {t("profile.details")}
        </Title>
        <Form method="post">
          <input type="hidden" name="intent" value="profile" />
          <Stack>
            <TextInput label={t("profile.email")} value={profile.email} readOnly />
            <TextInput name="name" label={t("profile.name")} defaultValue={profile.name} required autoComplete="name" error={err(profileErrors.name)} />
            <Select
              name="locale"
              label={t("profile.language")}
              defaultValue={profile.locale}
              data={[
                { value: "pl", label: t("lang.pl") },
                { value: "en", label: t("lang.en") },
              ]}
              allowDeselect={false}
              error={err(profileErrors.locale)}
            />
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t("profile.institution")}:
              </Text>
              <Text size="sm">{profile.institution ?? "—"}</Text>
              <Badge variant="light">{t(`role.${profile.role}`)}</Badge>
              {profile.isAdmin ? <Badge variant="light" color="grape">{t("role.ADMIN")}</Badge> : null}
            </Group>
            <Group>
              <Button type="submit" loading={busy}>
                {t("form.save")}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="password">
        <Title order={2} fz="h4" id="password" mb="sm">
          {t("profile.changePassword")}
        </Title>
        <Form method="post">
          <input type="hidden" name="intent" value="password" />
          <Stack>
            <PasswordInput name="currentPassword" label={t("password.current")} autoComplete="current-password" required error={err(passwordErrors.currentPassword)} />
            <NewPasswordFields errors={passwordErrors} />
            <Group>
              <Button type="submit" loading={busy}>
                {t("profile.changePasswordSubmit")}
              </Button>
            </Group>
          </Stack>
        </Form>
      </Card>
    </Stack>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
