// GET /zespoly/:teamId/zadania/:taskId/zalaczniki/:attachmentId — download one attachment of a
// task, authorised on every request: 404 when the team or task is invisible, when the attachment
// is not this task's, or when it is a library file the reader no longer sees. Always an
// attachment (never shown inline) with nosniff.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/session.server";
import { attachmentResponse } from "~/modules/tasks/task-attachments.server";
import { requireTask } from "~/modules/teams/access.server";
import { requestMeta } from "~/utils/request.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = await requireTask(user, params.teamId ?? "", params.taskId ?? "", "view", requestMeta(request, context).ip);
  return attachmentResponse(user, ctx, request, params.attachmentId ?? "");
}
