// The server side of the meeting form (new and edit): reading the posted fields and answering with
// the errors next to the fields and the values as typed.
import { data } from "@remix-run/node";
import { formToObject, type FieldErrors } from "~/utils/forms";
import { meetingFieldsSchema } from "./meetings.schema";

export type MeetingFormData = { errors: FieldErrors; values: Record<string, string> };

/** The posted values of the meeting form and their parse by meetingFieldsSchema. */
export async function readMeetingForm(request: Request) {
  const values = formToObject(await request.formData());
  return { values, parsed: meetingFieldsSchema.safeParse(values) };
}

/** The form shown again with its errors and the values as typed. */
export function meetingFormErrors(errors: FieldErrors, values: Record<string, string>, status = 400) {
  return data<MeetingFormData>({ errors, values }, { status });
}
