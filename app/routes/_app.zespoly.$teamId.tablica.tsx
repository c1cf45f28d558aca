import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ErrorPage";
import { requireUser } from "~/modules/auth/session.server";
import { isFiltered, parseBoardQuery, parseMove, taskIdOf } from "~/modules/tasks/board.schema";
import { loadBoard, moveCard } from "~/modules/tasks/board.server";
import { BoardView } from "~/modules/tasks/components/BoardView";
import { requireTask, requireTeam } from "~/modules/teams/access.server";
import { formToObject } from "~/utils/forms";
import { requestMeta } from "~/utils/request.server";

export const meta: MetaFunction = ({ matches }) => {
  const team = (matches.find((m) => m.id === "routes/_app.zespoly.$teamId")?.data as { team?: { name: string } } | undefined)?.team;
  return [{ title: team ? `Tablica — ${team.name} — Razem` : "Razem" }];
};

/** The team's board (404 for anyone who may not see the team). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = await requireTeam(user, params.teamId ?? "", "view");
  const query = parseBoardQuery(new URL(request.url).searchParams);
  const board = await loadBoard(user, ctx, query, new Date());
  return {
    teamId: ctx.team.id,
    board,
    filters: { assignee: query.assignee, label: query.label, mine: query.mine },
    filtered: isFiltered(query),
  };
}

/**
 * Moves a card: authorised first (404 outside the team, 403 audited for someone who may not move
 * this card), then validated (400 with keys), then saved with the card's version (409 when stale).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const meta = requestMeta(request, context);
  const values = formToObject(await request.formData());
  const teamId = params.teamId ?? "";
  if (values.intent !== "move") {
    await requireTeam(user, teamId, "view", meta.ip);
    return data({ ok: false, error: "validation.invalid", errors: null }, { status: 400 });
  }
  const taskId = taskIdOf(values);
  if (!taskId) {
    await requireTeam(user, teamId, "view", meta.ip);
    return data({ ok: false, error: null, errors: { taskId: "validation.invalid" } }, { status: 400 });
  }
  const ctx = await requireTask(user, teamId, taskId, "changeStatus", meta.ip);
  const input = parseMove(values);
  if (!input.ok) return data({ ok: false, error: null, errors: input.errors }, { status: 400 });
  const result = await moveCard(user, ctx, input.data, meta);
  if (result.ok) return data({ ok: true, error: null, errors: null, version: result.version });
  if (result.status === 409) return data({ ok: false, conflict: true, error: "taskViews.move.conflict", errors: null }, { status: 409 });
  if (result.status === 400) return data({ ok: false, error: null, errors: result.errors }, { status: 400 });
  throw new Response("Not Found", { status: 404 });
}

export default function TeamBoard() {
  const { teamId, board, filters, filtered } = useLoaderData<typeof loader>();
  return <BoardView board={board} teamId={teamId} filters={filters} filtered={filtered} />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
