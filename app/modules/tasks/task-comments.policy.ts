// Who may write, edit and delete comments on a task. Pure, built on canTask (team.policy.ts):
// whoever may `comment` on the task writes; the author edits and deletes their own comment.
import type { Actor } from "~/modules/auth/actor";
import { canTask, type TaskPeople, type TeamAccess } from "~/modules/teams/team.policy";

export type TaskCommentAction = "create" | "edit" | "delete";

export function canTaskComment(actor: Actor, action: TaskCommentAction, team: TeamAccess, people: TaskPeople, authorId?: string | null): boolean {
  if (!canTask(actor, "comment", team, people)) return false;
  if (action === "create") return true;
  return !!authorId && authorId === actor.id;
}
