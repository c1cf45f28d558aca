// GET /zespoly/:teamId/zadania.csv?<the list's filters> — the team's tasks as a streamed CSV file.
// Outside the page layout (a download, not a page); the session and the team are checked here:
// 404 for a team one cannot see, the export itself is an audited event.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordAudit } from "~/modules/audit/audit.server";
import { requireUser } from "~/modules/auth/session.server";
import { tasksCsvFilename, tasksCsvStream } from "~/modules/tasks/task-csv.server";
import { hasTaskFilters, parseTaskListQuery, taskListParams } from "~/modules/tasks/task-list";
import { requireTeam } from "~/modules/teams/access.server";
import { requestMeta } from "~/utils/request.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { ip } = requestMeta(request, context);
  const { team } = await requireTeam(user, params.teamId ?? "", "exportTasks", ip);
  const query = parseTaskListQuery(new URL(request.url).searchParams);
  const filters = { assignee: query.assignee, statuses: query.statuses, label: query.label, from: query.from, to: query.to, overdue: query.overdue };
  await recordAudit({
    actor: user,
    action: "task.export",
    entityType: "Team",
    entityId: team.id,
    summary: `CSV: ${team.name}`,
    changes: hasTaskFilters(filters) ? { filters: taskListParams(filters).toString() } : undefined,
    ip,
  });
  return new Response(tasksCsvStream(team.id, filters, user.locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${tasksCsvFilename(team.name)}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}
