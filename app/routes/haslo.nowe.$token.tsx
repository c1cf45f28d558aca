import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, Stack } from "@mantine/core";
import { AuthLayout } from "~/components/AuthLayout";
import { ErrorPage } from "~/components/ErrorPage";
import { NewPasswordFields } from "~/components/NewPasswordFields";
import { FormError } from "~/components/FormError";
import { findValidReset, resetPassword } from "~/modules/auth/auth.server";
import { resetPasswordSchema } from "~/modules/auth/auth.schema";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Nowe hasło — Razem" }, { name: "robots", content: "noindex" }];

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: !!(await findValidReset(params.token ?? "")) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = resetPasswordSchema.safeParse(formToObject(await request.formData()));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), formError: null }, { status: 400 });
  const result = await resetPassword(params.token ?? "", parsed.data.password, requestMeta(request, context));
  if (!result) return data({ errors: {}, formError: "reset.invalid" }, { status: 410 });
  return redirectWithToast("/pulpit", { key: "reset.done" }, { headers: { "Set-Cookie": result.cookie } });
}

export default function SetNewPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state !== "idle";
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  return (
    <AuthLayout title={t("reset.setTitle")}>
      {valid ? (
        <Form method="post" noValidate>
          <Stack>
            <FormError message={err(actionData?.formError ?? undefined)} />
            <NewPasswordFields errors={errors} />
            <Button type="submit" loading={busy}>
              {t("reset.setSubmit")}
            </Button>
          </Stack>
        </Form>
      ) : (
        <>
          <FormError message={t("reset.invalid")} />
          <Button component={Link} to="/haslo/przypomnij" variant="light">
            {t("reset.submit")}
          </Button>
        </>
      )}
    </AuthLayout>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
