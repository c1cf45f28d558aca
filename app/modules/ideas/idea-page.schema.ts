// The forms of the idea page: every form posts an `intent`; each intent has its own schema and its
// own IdeaAction (idea-page.server.ts). Messages are translation keys ("key|{vars}").
import { z } from "zod";
import { commentBodySchema } from "~/modules/comments/comments.schema";
import { TITLE_MAX } from "~/modules/tasks/tasks.schema";
import { ACCEPTED_FOR, IDEA_STATUSES } from "./inbox.schema";

const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;

export const PUBLIC_REASON_MAX = 1000;
export const TAGS_MAX = 10;
export const TAG_MAX = 40;
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export const IDEA_INTENTS = [
  "status",
  "tags",
  "merge",
  "assign",
  "score",
  "score.remove",
  "comment.create",
  "comment.update",
  "comment.delete",
  "link.add",
  "link.remove",
  "task.create",
  "team.send",
  "contact.erase",
] as const;
export type IdeaIntent = (typeof IDEA_INTENTS)[number];

export const intentSchema = z.enum(IDEA_INTENTS, { message: "validation.invalid" });

const rowId = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "validation.invalid");

export const versionField = z.coerce.number({ message: "validation.invalid" }).int().min(1);

export const statusSchema = z
  .object({
    status: z.enum(IDEA_STATUSES, { message: "ideasInbox.validation.status" }),
    acceptedFor: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .pipe(z.enum(ACCEPTED_FOR, { message: "ideasInbox.validation.acceptedFor" }).nullable()),
    publicReason: z
      .string()
      .transform((v) => v.replace(/\r\n?/g, "\n").trim())
      .pipe(z.string().max(PUBLIC_REASON_MAX, tooLong(PUBLIC_REASON_MAX)))
      .optional()
      .transform((v) => v || null),
    version: versionField,
  })
  .superRefine((v, ctx) => {
    if (v.status === "ACCEPTED" && !v.acceptedFor) ctx.addIssue({ code: "custom", path: ["acceptedFor"], message: "ideasInbox.validation.acceptedFor" });
    if (v.status === "REJECTED" && !v.publicReason) ctx.addIssue({ code: "custom", path: ["publicReason"], message: "ideasInbox.validation.publicReason" });
  });

/** Comma- or newline-separated tags; trimmed, deduplicated (case-insensitively), at most 10. */
export const tagsSchema = z.object({
  tags: z
    .string()
    .max(2000)
    .optional()
    .transform((v, ctx) => {
      const seen = new Set<string>();
      const out: string[] = [];
      for (const raw of (v ?? "").split(/[,\n]/)) {
        const tag = raw.trim().replace(/\s+/g, " ");
        if (!tag) continue;
        if (tag.length > TAG_MAX) {
          ctx.addIssue({ code: "custom", message: `ideasInbox.validation.tagTooLong|${JSON.stringify({ max: TAG_MAX })}` });
          return z.NEVER;
        }
        const key = tag.toLocaleLowerCase("pl");
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(tag);
      }
      if (out.length > TAGS_MAX) {
        ctx.addIssue({ code: "custom", message: `ideasInbox.validation.tooManyTags|${JSON.stringify({ max: TAGS_MAX })}` });
        return z.NEVER;
      }
      return out;
    }),
  version: versionField,
});

/** The original: its id (from the picker) or its reference as typed ("P-2026-0042"). */
export const mergeSchema = z.object({
  original: z.string({ required_error: "ideasInbox.merge.pick" }).trim().min(1, "ideasInbox.merge.pick").max(64, "ideasInbox.merge.pick"),
  version: versionField,
});

export const assignSchema = z.object({
  assigneeId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || null),
  version: versionField,
});

const score = (message: string) => z.coerce.number({ message }).int(message).min(SCORE_MIN, message).max(SCORE_MAX, message);
export const scoreSchema = z.object({ impact: score("ideasInbox.validation.score"), feasibility: score("ideasInbox.validation.score") });

export const commentCreateSchema = z.object({ body: commentBodySchema });
export const commentUpdateSchema = z.object({ commentId: rowId, body: commentBodySchema });
export const commentDeleteSchema = z.object({ commentId: rowId });

export const LINK_KINDS = ["TASK", "DOCUMENT", "DRAFT"] as const;
export type IdeaLinkKind = (typeof LINK_KINDS)[number];

export const linkAddSchema = z.object({
  kind: z.enum(LINK_KINDS, { message: "validation.invalid" }),
  targetId: z.string({ required_error: "ideasInbox.links.pick" }).trim().min(1, "ideasInbox.links.pick").max(64, "validation.invalid").regex(/^[A-Za-z0-9_-]+$/, "validation.invalid"),
});
export const linkRemoveSchema = z.object({ linkId: rowId });

export const taskFromIdeaSchema = z.object({
  teamId: z.string({ required_error: "ideasInbox.task.pickTeam" }).trim().min(1, "ideasInbox.task.pickTeam").max(64, "validation.invalid"),
  title: z.string({ required_error: "validation.required" }).trim().min(1, "validation.required").max(TITLE_MAX, tooLong(TITLE_MAX)),
  assigneeId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || null),
});
