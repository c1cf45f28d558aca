// Who may do what with comments on documents. Pure: the same answers drive the action and the UI.
import type { Actor } from "~/modules/auth/actor";
import { canWorkspace, type WorkspaceAccess } from "~/modules/workspaces/workspaces.policy";

export type CommentAction = "create" | "edit" | "delete";

/**
 * Anyone who may `comment` in the workspace (VIEWER and up, not archived) writes comments; the
 * author edits and deletes their own; OWNERs delete anyone's. Archived workspaces are read-only.
 */
export function canComment(actor: Actor, action: CommentAction, ctx: { access: WorkspaceAccess; authorId?: string | null }): boolean {
  if (!canWorkspace(actor, "comment", ctx.access)) return false;
  const own = !!ctx.authorId && ctx.authorId === actor.id;
  switch (action) {
    case "create":
      return true;
    case "edit":
      return own;
    case "delete":
      return own || ctx.access.role === "OWNER";
  }
}
