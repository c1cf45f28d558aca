import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, Stack, Text, TextInput } from "@mantine/core";
import { AuthLayout } from "~/components/AuthLayout";
import { ErrorPage } from "~/components/ErrorPage";
import { NewPasswordFields } from "~/components/NewPasswordFields";
import { FormError } from "~/components/FormError";
import { acceptInvitationSchema } from "~/modules/auth/auth.schema";
import { getCurrentUser } from "~/modules/auth/session.server";
import { acceptInvitation, findValidInvitation } from "~/modules/people/invitations.server";
import { fieldErrors, formToObject } from "~/utils/forms";
import { useFieldError, useT } from "~/utils/i18n-react";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Zaproszenie — Razem" }, { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/pulpit");
  const invitation = await findValidInvitation(params.token ?? "");
  if (!invitation) return { invitation: null };
  return {
    invitation: {
      email: invitation.email,
      name: invitation.name ?? "",
      institution: invitation.institution.name,
      role: invitation.role,
      inviter: invitation.invitedBy.name,
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const values = formToObject(await request.formData());
  const parsed = acceptInvitationSchema.safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), formError: null, values }, { status: 400 });
  const result = await acceptInvitation(params.token ?? "", parsed.data, requestMeta(request, context));
  if (!result.ok) {
    const formError = result.reason === "emailTaken" ? "invite.emailTaken" : "invite.invalid";
    return data({ errors: {}, formError, values }, { status: 410 });
  }
  return redirectWithToast("/pulpit", { key: "invite.done" }, { headers: { "Set-Cookie": result.cookie } });
}

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const err = useFieldError();
  const busy = useNavigation().state !== "idle";
  if (!invitation) {
    return (
      <AuthLayout title={t("invite.title")}>
        <FormError message={t("invite.invalid")} />
        <Button component={Link} to="/logowanie" variant="light">
          {t("reset.backToLogin")}
        </Button>
      </AuthLayout>
    );
  }
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const intro = t("invite.intro", { inviter: invitation.inviter, institution: invitation.institution, role: t(`role.${invitation.role}`) });
  return (
    <AuthLayout title={t("invite.title")} intro={intro}>
      <Form method="post" noValidate>
        <Stack>
          <FormError message={err(actionData?.formError ?? undefined)} />
          <TextInput label={t("login.email")} value={invitation.email} readOnly autoComplete="username" />
          <TextInput name="name" label={t("profile.name")} autoComplete="name" required defaultValue={actionData?.values.name ?? invitation.name} error={err(errors.name)} />
          <NewPasswordFields errors={errors} />
          <Button type="submit" loading={busy}>
            {t("invite.submit")}
          </Button>
        </Stack>
      </Form>
      <Text size="xs" c="dimmed">
        {t("app.tagline")}
      </Text>
    </AuthLayout>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
