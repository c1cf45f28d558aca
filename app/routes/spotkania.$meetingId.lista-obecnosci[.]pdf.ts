// GET /spotkania/:id/lista-obecnosci.pdf — the attendance list as a PDF attachment, for the same
// people as the printable page (everyone who sees the meeting; 404 otherwise). Reads aren't audited.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { requireMeeting } from "~/modules/meetings/access.server";
import { attendanceFileName, attendancePdfResponse, loadAttendanceList, renderAttendancePdf } from "~/modules/meetings/attendance-pdf.server";
import { requestMeta } from "~/utils/request.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = await requireMeeting(user, params.meetingId ?? "", "view", { ip: requestMeta(request, context).ip });
  const list = await loadAttendanceList(ctx.meeting.id, user.locale);
  const pdf = await renderAttendancePdf(list, user.locale, new Date());
  return attendancePdfResponse(pdf, attendanceFileName(list, user.locale));
}
