import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { parseMove, taskIdOf } from "~/modules/tasks/board.schema";
import { moveCard } from "~/modules/tasks/board.server";
import { MyTasksView } from "~/modules/tasks/components/MyTasksView";
import { myTasksQuerySchema } from "~/modules/tasks/my-tasks";
import { loadMyTasks } from "~/modules/tasks/my-tasks.server";
import { requireTask } from "~/modules/teams/access.server";
import { formToObject } from "~/utils/forms";
import { requestMeta } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Moje zadania — Razem" }];

/** My open tasks in every team I can see, grouped by deadline. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = myTasksQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return loadMyTasks(user, query, new Date());
}

/**
 * Quick status change of one of my tasks: the same rules as a move on the board (404 for a task
 * of a team I cannot see, 403 audited when I may not change it, 409 on a stale version).
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const values = formToObject(await request.formData());
  const teamId = (values.teamId ?? "").trim().slice(0, 64);
  const taskId = taskIdOf(values);
  if (values.intent !== "move" || !teamId || !taskId) return data({ ok: false, error: "validation.invalid", errors: null }, { status: 400 });
  const ctx = await requireTask(user, teamId, taskId, "changeStatus", meta.ip);
  const input = parseMove({ ...values, place: "top", afterId: "" });
  if (!input.ok) return data({ ok: false, error: null, errors: input.errors }, { status: 400 });
  const result = await moveCard(user, ctx, input.data, meta);
  if (result.ok) return data({ ok: true, error: null, errors: null, version: result.version });
  if (result.status === 409) return data({ ok: false, conflict: true, error: "taskViews.move.conflict", errors: null }, { status: 409 });
  if (result.status === 400) return data({ ok: false, error: null, errors: result.errors }, { status: 400 });
  throw new Response("Not Found", { status: 404 });
}

export default function MyTasksPage() {
  const data = useLoaderData<typeof loader>();
  return <MyTasksView data={data} />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
