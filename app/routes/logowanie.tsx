import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { AuthLayout } from "~/components/AuthLayout";
import { ErrorPage } from "~/components/ErrorPage";
import { FormError } from "~/components/FormError";
import { hasAnyUser, signIn } from "~/modules/auth/auth.server";
import { loginSchema, safeRedirect } from "~/modules/auth/auth.schema";
import { getCurrentUser } from "~/modules/auth/session.server";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Logowanie — Razem" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await hasAnyUser())) throw redirect("/konfiguracja");
  if (await getCurrentUser(request)) throw redirect("/pulpit");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formToObject(await request.formData());
  const parsed = loginSchema.safeParse(values);
  if (!parsed.success) {
    return data({ errors: fieldErrors(parsed.error), formError: null, email: values.email ?? "" }, { status: 400 });
  }
  const result = await signIn(parsed.data.email, parsed.data.password, requestMeta(request, context));
  if (!result.ok) {
    const formError =
      result.reason === "throttled"
        ? `login.throttled|${JSON.stringify({ minutes: Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) })}`
        : "login.invalid";
    const status = result.reason === "throttled" ? 429 : 401;
    const headers: HeadersInit = result.reason === "throttled" ? { "Retry-After": String(Math.ceil(result.retryAfterMs / 1000)) } : {};
    return data({ errors: {}, formError, email: parsed.data.email }, { status, headers });
  }
  return redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": result.cookie } });
}

export default function Login() {
  const t = useT();
  const err = useFieldError();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <AuthLayout title={t("login.title")} intro={t("login.intro")}>
      <Form method="post" noValidate>
        <Stack>
          <FormError message={err(actionData?.formError ?? undefined)} />
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <TextInput name="email" type="email" label={t("login.email")} autoComplete="username" required defaultValue={actionData?.email} error={err(errors.email)} autoFocus />
          <PasswordInput name="password" label={t("login.password")} autoComplete="current-password" required error={err(errors.password)} />
          <Button type="submit" loading={busy}>
            {t("login.submit")}
          </Button>
          <Anchor component={Link} to="/haslo/przypomnij" size="sm">
            {t("login.forgot")}
          </Anchor>
        </Stack>
      </Form>
      <Text size="sm" c="dimmed">
        {t("login.noAccount")}
      </Text>
      <Anchor href="/pomysly" size="sm">
        {t("login.ideasLink")}
      </Anchor>
    </AuthLayout>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
