// The forms of the task page: every form posts an `intent`; each intent has its own schema (and
// its own TaskAction, see task-page.server.ts). Messages are translation keys.
import { z } from "zod";
import { commentBodySchema } from "~/modules/comments/comments.schema";
import { checklistItemSchema, versionField } from "./tasks.schema";

/** How many of the newest history entries the task page shows. */
export const HISTORY_SHOWN = 100;

const rowId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "validation.invalid");

export const LINK_KINDS = ["BLOCKS", "BLOCKED_BY", "RELATES"] as const;
export type LinkChoice = (typeof LINK_KINDS)[number];

export const TASK_INTENTS = [
  "save",
  "status",
  "checklist.add",
  "checklist.toggle",
  "checklist.remove",
  "comment.create",
  "comment.update",
  "comment.delete",
  "link.add",
  "link.remove",
  "attachment.document",
  "attachment.remove",
  "delete",
] as const;
export type TaskIntent = (typeof TASK_INTENTS)[number];

export const intentSchema = z.enum(TASK_INTENTS, { message: "validation.invalid" });

export const saveSchema = z.object({ version: versionField });

export const checklistAddSchema = checklistItemSchema;
export const checklistToggleSchema = z.object({ itemId: rowId, done: z.enum(["true", "false"]).transform((v) => v === "true") });
export const checklistRemoveSchema = z.object({ itemId: rowId });

export const commentCreateSchema = z.object({ body: commentBodySchema });
export const commentUpdateSchema = z.object({ commentId: rowId, body: commentBodySchema });
export const commentDeleteSchema = z.object({ commentId: rowId });

export const linkAddSchema = z.object({
  kind: z.enum(LINK_KINDS, { message: "validation.invalid" }),
  target: z.string({ required_error: "tasks.links.pick" }).trim().min(1, "tasks.links.pick").max(200),
});
export const linkRemoveSchema = z.object({ linkId: rowId });

export const attachDocumentSchema = z.object({ documentId: z.string({ required_error: "tasks.attachments.pick" }).trim().min(1, "tasks.attachments.pick").max(64) });
export const attachmentRemoveSchema = z.object({ attachmentId: rowId });

/** "#12", "12" or "nr 12" → 12; anything else is a title search. */
export function taskNumberOf(value: string): number | null {
  const m = /^(?:nr\.?\s*|#)?(\d{1,7})$/i.exec(value.trim());
  return m ? Number(m[1]) : null;
}
