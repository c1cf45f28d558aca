import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { requireMeeting } from "~/modules/meetings/access.server";
import { MeetingFormPage } from "~/modules/meetings/components/MeetingFormFields";
import { meetingFormErrors, readMeetingForm } from "~/modules/meetings/meeting-form.server";
import { versionField } from "~/modules/meetings/meetings.schema";
import { fieldsOf, meetingFormOptions, meetingUrl, updateMeeting } from "~/modules/meetings/meetings.server";
import { db } from "~/utils/db.server";
import { fieldErrors } from "~/utils/forms";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.title} — edycja — Razem` : "Razem" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = await requireMeeting(user, params.meetingId ?? "", "edit", { ip: requestMeta(request, context).ip });
  const [m, options] = await Promise.all([db.meeting.findUniqueOrThrow({ where: { id: ctx.meeting.id } }), meetingFormOptions(user)]);
  // The current organiser stays selectable even for someone who could not pick it themselves.
  if (!options.institutions.some((i) => i.id === m.organizerInstitutionId)) {
    const inst = await db.institution.findUniqueOrThrow({ where: { id: m.organizerInstitutionId }, select: { id: true, shortName: true, name: true } });
    options.institutions.push(inst);
  }
  return { id: m.id, title: m.title, version: m.version, values: fieldsOf(m), options };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const ctx = await requireMeeting(user, params.meetingId ?? "", "edit", { ip: meta.ip });
  const { values, parsed } = await readMeetingForm(request);
  const version = versionField.safeParse(values.version);
  if (!parsed.success || !version.success) return meetingFormErrors(parsed.success ? { _form: "validation.invalid" } : fieldErrors(parsed.error), values);
  const result = await updateMeeting(user, ctx, parsed.data, version.data, { ip: meta.ip });
  if (!result.ok) {
    if (result.status === 409) return meetingFormErrors({ _form: "meetings.conflict" }, values, 409);
    return meetingFormErrors(result.errors, values);
  }
  return redirectWithToast(meetingUrl(ctx.meeting.id), { key: "meetings.saved" });
}

export default function EditMeeting() {
  const { id, version, values, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <MeetingFormPage
      titleKey="meetings.editTitle"
      submitKey="meetings.form.save"
      cancelTo={`/spotkania/${id}`}
      values={actionData?.values ?? values}
      errors={actionData?.errors}
      options={options}
      hidden={<input type="hidden" name="version" value={version} />}
    />
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
