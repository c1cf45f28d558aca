import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { Alert, Anchor, Button, Stack, TextInput } from "@mantine/core";
import { AuthLayout } from "~/components/AuthLayout";
import { ErrorPage } from "~/components/ErrorPage";
import { requestPasswordReset } from "~/modules/auth/auth.server";
import { requestResetSchema } from "~/modules/auth/auth.schema";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { recordFailure, remainingBlockMs } from "~/modules/auth/throttle.server";

export const meta: MetaFunction = () => [{ title: "Przypomnienie hasła — Razem" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formToObject(await request.formData());
  const parsed = requestResetSchema.safeParse(values);
  if (!parsed.success) return data({ sent: false, errors: fieldErrors(parsed.error) }, { status: 400 });
  const meta = requestMeta(request, context);
  // Reset requests count against the IP like failed sign-ins: no mail bombing from one address.
  const key = [`reset-ip:${meta.ip}`];
  if ((await remainingBlockMs(key)) === 0) {
    await recordFailure(key);
    await requestPasswordReset(parsed.data.email, meta);
  }
  // Same answer whether or not the account exists.
  return { sent: true, errors: {} };
}

export default function RequestReset() {
  const t = useT();
  const err = useFieldError();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <AuthLayout title={t("reset.title")} intro={actionData?.sent ? undefined : t("reset.intro")}>
      {actionData?.sent ? (
        <Alert color="teal" role="status">
          {t("reset.sent")}
        </Alert>
      ) : (
        <Form method="post" noValidate>
          <Stack>
            <TextInput name="email" type="email" label={t("login.email")} autoComplete="email" required error={err(errors.email)} />
            <Button type="submit" loading={busy}>
              {t("reset.submit")}
            </Button>
          </Stack>
        </Form>
      )}
      <Anchor component={Link} to="/logowanie" size="sm">
        {t("reset.backToLogin")}
      </Anchor>
    </AuthLayout>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
