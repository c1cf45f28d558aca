import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Button, Stack, TextInput } from "@mantine/core";
import { AuthLayout } from "~/components/AuthLayout";
import { ErrorPage } from "~/components/ErrorPage";
import { NewPasswordFields } from "~/components/NewPasswordFields";
import { hasAnyUser, setupFirstAdmin } from "~/modules/auth/auth.server";
import { setupSchema } from "~/modules/auth/auth.schema";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Pierwsze uruchomienie — Razem" }];

/** One-time setup: exists only while the database has no user at all. */
export async function loader(_: LoaderFunctionArgs) {
  if (await hasAnyUser()) throw new Response("Not Found", { status: 404 });
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (await hasAnyUser()) throw new Response("Not Found", { status: 404 });
  const values = formToObject(await request.formData());
  const parsed = setupSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const result = await setupFirstAdmin(parsed.data, requestMeta(request, context));
  if (!result) throw new Response("Not Found", { status: 404 });
  return redirectWithToast("/pulpit", { key: "setup.done" }, { headers: { "Set-Cookie": result.cookie } });
}

export default function Setup() {
  const t = useT();
  const err = useFieldError();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = actionData?.errors ?? {};
  return (
    <AuthLayout title={t("setup.title")} intro={t("setup.intro")}>
      <Form method="post" noValidate>
        <Stack>
          <TextInput name="name" label={t("setup.name")} autoComplete="name" required defaultValue={actionData?.values.name} error={err(errors.name)} />
          <TextInput name="email" type="email" label={t("login.email")} autoComplete="email" required defaultValue={actionData?.values.email} error={err(errors.email)} />
          <NewPasswordFields errors={errors} />
          <Button type="submit" loading={busy}>
            {t("setup.submit")}
          </Button>
        </Stack>
      </Form>
    </AuthLayout>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
