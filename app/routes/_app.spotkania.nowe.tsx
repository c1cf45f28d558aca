import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser } from "~/modules/auth/session.server";
import { EMPTY_MEETING, MeetingFormPage } from "~/modules/meetings/components/MeetingFormFields";
import { meetingFormErrors, readMeetingForm } from "~/modules/meetings/meeting-form.server";
import { createMeeting, meetingFormOptions, meetingUrl } from "~/modules/meetings/meetings.server";
import { fieldErrors } from "~/utils/forms";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Nowe spotkanie — Razem" }];

/** Anyone signed in may open the form; whether they may create is checked against the chosen workspace/team. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const options = await meetingFormOptions(user);
  return { options, defaults: { ...EMPTY_MEETING, organizerInstitutionId: user.institutionId ?? options.institutions[0]?.id ?? "" } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const { values, parsed } = await readMeetingForm(request);
  if (!parsed.success) return meetingFormErrors(fieldErrors(parsed.error), values);
  const result = await createMeeting(user, parsed.data, { ip: meta.ip });
  if (!result.ok && result.status === 403) await authorize(user, false, { action: "meeting.create", entityType: "Meeting", ip: meta.ip });
  if (!result.ok) return meetingFormErrors("errors" in result ? result.errors : { _form: "meetings.conflict" }, values);
  return redirectWithToast(meetingUrl(result.id), { key: "meetings.created", vars: { title: parsed.data.title } });
}

export default function NewMeeting() {
  const { options, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <MeetingFormPage
      titleKey="meetings.newTitle"
      submitKey="meetings.form.create"
      cancelTo="/spotkania"
      values={actionData?.values ?? defaults}
      errors={actionData?.errors}
      options={options}
    />
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
