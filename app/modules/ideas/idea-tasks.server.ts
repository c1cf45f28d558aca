// "Utwórz zadanie" and "Wyślij do zespołu" from an idea. The team's own rules decide (teams
// access + canTeam "createTask": 404 for a team one cannot see, audited 403 when one may not add
// tasks to it); the task is created by tasks.server.ts createTask (history, audit, assignment
// notification), then the idea gets a TASK link and its own audit entry. "Wyślij do zespołu" leaves
// the task unassigned and tells the team's leads.
import { recordAudit } from "~/modules/audit/audit.server";
import { authorize } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { notify } from "~/modules/notifications/notifications.server";
import { createTask } from "~/modules/tasks/tasks.server";
import type { TaskFields } from "~/modules/tasks/tasks.schema";
import { taskUrl } from "~/modules/tasks/task-urls";
import { loadTeamAccess, visibleTeamsWhere } from "~/modules/teams/access.server";
import { canTeam } from "~/modules/teams/team.policy";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { createTranslator } from "~/utils/i18n";
import type { FieldErrors } from "~/utils/forms";
import type { IdeaContext } from "./access.server";
import { ideaUrls } from "./inbox.schema";

type Meta = { ip?: string };

/** Bound on the teams offered (a partnership runs a handful at a time). */
export const TEAM_TARGETS_LIMIT = 50;

export type TaskTarget = { id: string; name: string; members: { id: string; name: string }[] };

/**
 * The open teams where this person may create tasks, with their active members (for the
 * assignee). Each team is checked by the teams module's own access resolution.
 */
export async function taskTargets(user: AuthUser): Promise<TaskTarget[]> {
  const teams = await db.team.findMany({
    where: { ...visibleTeamsWhere(user), status: { in: ["PLANNED", "ACTIVE"] } },
    orderBy: { name: "asc" },
    take: TEAM_TARGETS_LIMIT,
    select: { id: true, name: true },
  });
  const allowed = (
    await Promise.all(
      teams.map(async (t) => {
        const ctx = await loadTeamAccess(user, t.id).catch(() => null);
        return ctx && canTeam(user, "createTask", ctx.access) ? t : null;
      }),
    )
  ).filter((t): t is { id: string; name: string } => !!t);
  if (!allowed.length) return [];
  const members = await db.teamMember.findMany({
    where: { teamId: { in: allowed.map((t) => t.id) }, user: { deactivatedAt: null } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    select: { teamId: true, user: { select: { id: true, name: true } } },
  });
  return allowed.map((t) => ({ ...t, members: members.filter((m) => m.teamId === t.id).map((m) => m.user) }));
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The task's description: where it comes from (a link back to the idea) and the resident's text. */
export function taskDescriptionFor(user: AuthUser, idea: { id: string; reference: string; title: string; description: string }): string {
  const t = createTranslator(user.locale);
  const url = `${getEnv().appUrl}${ideaUrls.idea(idea.id)}`;
  const paragraphs = idea.description
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`);
  return [
    `<p>${escapeHtml(t("ideasInbox.task.descriptionIntro"))} <a href="${escapeHtml(url)}">${escapeHtml(`${idea.reference}: ${idea.title}`)}</a></p>`,
    ...paragraphs,
  ].join("");
}

export type TaskFromIdeaResult =
  | { ok: true; taskId: string; teamId: string; teamName: string }
  | { ok: false; status: 400; errors: FieldErrors }
  | { ok: false; status: 404 };

export async function createTaskFromIdea(
  user: AuthUser,
  ctx: IdeaContext,
  input: { teamId: string; title: string; assigneeId: string | null },
  mode: "task" | "send",
  meta: Meta,
): Promise<TaskFromIdeaResult> {
  // 404 for a team the person cannot see; an audited 403 when they may not add tasks to it.
  const teamCtx = await loadTeamAccess(user, input.teamId);
  await authorize(user, canTeam(user, "createTask", teamCtx.access), { action: "team.createTask", entityType: "Team", entityId: teamCtx.team.id, ip: meta.ip });
  const idea = await db.idea.findFirst({ where: { id: ctx.idea.id, deletedAt: null }, select: { id: true, reference: true, title: true, description: true } });
  if (!idea) return { ok: false, status: 404 };
  const fields: TaskFields = {
    title: input.title,
    description: taskDescriptionFor(user, idea),
    assigneeId: mode === "send" ? null : input.assigneeId,
    helperIds: [],
    dueDate: null,
    dueTime: null,
    priority: "NORMAL",
    labels: [idea.reference],
  };
  const created = await createTask(user, teamCtx, fields, meta);
  if (!created.ok) {
    if (created.status === 400) return { ok: false, status: 400, errors: created.errors };
    return { ok: false, status: 404 };
  }
  const url = taskUrl(teamCtx.team.id, created.id);
  await db.$transaction(async (tx) => {
    await tx.ideaLink.upsert({
      where: { ideaId_kind_targetId: { ideaId: idea.id, kind: "TASK", targetId: created.id } },
      create: { ideaId: idea.id, kind: "TASK", targetId: created.id, createdById: user.id },
      update: {},
    });
    await recordAudit(
      {
        actor: user,
        action: mode === "send" ? "idea.team.send" : "idea.task.create",
        entityType: "Idea",
        entityId: idea.id,
        summary: `${idea.reference} → ${teamCtx.team.name}: ${input.title}`,
        changes: { teamId: [null, teamCtx.team.id], taskId: [null, created.id] },
        ip: meta.ip,
      },
      tx,
    );
    if (mode === "send") {
      const leads = await tx.teamMember.findMany({ where: { teamId: teamCtx.team.id, role: "LEAD", user: { deactivatedAt: null } }, select: { userId: true } });
      await notify(
        {
          userIds: leads.map((l) => l.userId),
          kind: "idea.sentToTeam",
          actorId: user.id,
          title: "ideasInbox.notify.sentToTeam",
          data: { name: user.name, reference: idea.reference, title: idea.title, team: teamCtx.team.name },
          url,
          entityType: "Task",
          entityId: created.id,
        },
        tx,
      );
    }
  });
  return { ok: true, taskId: created.id, teamId: teamCtx.team.id, teamName: teamCtx.team.name };
}
