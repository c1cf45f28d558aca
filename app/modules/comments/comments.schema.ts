import { z } from "zod";

// Messages are translation keys ("key|{vars}"), translated next to the field.
export const COMMENT_MAX = 5000;
export const COMMENTS_PAGE_SIZE = 50;
/** Upper bound of "show earlier": beyond this the page would be too long to be useful. */
export const COMMENTS_MAX_SHOWN = 2000;

const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;

// eslint-disable-next-line no-control-regex -- control characters other than tab/newline are noise
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** NFC, Windows line breaks unified, control characters dropped, trimmed; 1–5000 characters. */
export const commentBodySchema = z
  .string({ required_error: "validation.required" })
  .transform((v) => v.normalize("NFC").replace(/\r\n?/g, "\n").replace(CONTROL_CHARS, "").trim())
  .pipe(z.string().min(1, "comments.form.empty").max(COMMENT_MAX, tooLong(COMMENT_MAX)));

const commentId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const createCommentSchema = z.object({ intent: z.literal("comment.create"), body: commentBodySchema });
export const updateCommentSchema = z.object({ intent: z.literal("comment.update"), commentId, body: commentBodySchema });
export const deleteCommentSchema = z.object({ intent: z.literal("comment.delete"), commentId });

export const commentActionSchema = z.discriminatedUnion("intent", [createCommentSchema, updateCommentSchema, deleteCommentSchema]);
export type CommentActionInput = z.infer<typeof commentActionSchema>;

export const COMMENT_INTENT_PREFIX = "comment.";

/** How many of the newest comments the page shows (`?komentarze=100` after "show earlier"). */
export const commentsShownSchema = z.coerce.number().int().min(COMMENTS_PAGE_SIZE).max(COMMENTS_MAX_SHOWN).catch(COMMENTS_PAGE_SIZE);

export const COMMENTS_QUERY_PARAM = "komentarze";
export const commentAnchor = (id: string) => `komentarz-${id}`;
