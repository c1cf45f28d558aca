// Comments anchored to the text of a strategy draft: threads (a root comment on a range, replies),
// resolve/reopen, @mentions of the people who can see the workspace. The only code that queries
// Prisma for StrategyDraftComment. Every entry point loads the draft through access.server.ts
// (404 when it is invisible) before reading the form, then checks the right (403, audited).
// Commands write the comment, its audit entry and the mention notifications in one transaction.
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser, type AuthUser } from "~/modules/auth/session.server";
import { workspacePeople } from "~/modules/comments/comments.server";
import { commentBodySchema } from "~/modules/comments/comments.schema";
import { mentionedUserIds, rewriteMentions } from "~/modules/comments/mentions";
import { notify } from "~/modules/notifications/notifications.server";
import { db, type Tx } from "~/utils/db.server";
import { fieldErrors, formToObject } from "~/utils/forms";
import { requestMeta } from "~/utils/request.server";
import { toastHeader, type Toast } from "~/utils/toast.server";
import { loadDraftAccess, type DraftContext } from "./access.server";
import {
  anchorBytes,
  anchorFromBytes,
  decodeRelative,
} from "./comment-anchors";
import { canDraftComment, type DraftCommentAction } from "./strategy.policy";

/** Bounds of what the page shows: open threads first (oldest first), then the latest resolved ones. */
export const OPEN_THREADS_LIMIT = 200;
export const RESOLVED_THREADS_LIMIT = 50;
export const QUOTE_MAX = 500;
export const DRAFT_COMMENT_INTENT_PREFIX = "comment";

/** The fragment of the editor page that shows a thread (`#komentarz-<id>`). */
export const threadAnchor = (id: string) => `komentarz-${id}`;
const draftUrl = (workspaceId: string, draftId: string, threadId: string) =>
  `/przestrzenie/${workspaceId}/strategie/${draftId}#${threadAnchor(threadId)}`;

// ——— Reading ———

const commentSelect = {
  id: true,
  threadId: true,
  body: true,
  quote: true,
  anchorStart: true,
  anchorEnd: true,
  authorId: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  resolvedAt: true,
  author: {
    select: { name: true, institution: { select: { shortName: true } } },
  },
  resolvedBy: { select: { name: true } },
} as const satisfies Prisma.StrategyDraftCommentSelect;

type Row = Prisma.StrategyDraftCommentGetPayload<{
  select: typeof commentSelect;
}>;

export type DraftCommentItem = {
  id: string;
  /** null when the comment was deleted ("Komentarz usunięty"). */
  body: string | null;
  author: { id: string; name: string; institutionShortName: string | null };
  createdAt: Date;
  editedAt: Date | null;
  canEdit: boolean;
  canDelete: boolean;
};

export type DraftThread = {
  id: string;
  anchorStart: string | null;
  anchorEnd: string | null;
  quote: string;
  resolved: { at: Date; by: string | null } | null;
  root: DraftCommentItem;
  replies: DraftCommentItem[];
  canResolve: boolean;
};

/** A thread is visible while its root is live or it still has a live reply. */
const visibleRoot = (
  draftId: string
): Prisma.StrategyDraftCommentWhereInput => ({
  draftId,
  threadId: null,
  OR: [{ deletedAt: null }, { replies: { some: { deletedAt: null } } }],
});

/**
 * The threads of a draft and what the reader may do with each, plus (when they may write) the
 * people they can mention. Six queries whatever the number of threads and replies. Call with the
 * context of an access check already made (the editor page's loader).
 */
export async function loadDraftComments(user: AuthUser, ctx: DraftContext) {
  const draftId = ctx.draft.id;
  const mayWrite = canDraftComment(user, "create", ctx.access);
  const open = { ...visibleRoot(draftId), resolvedAt: null };
  const resolved = { ...visibleRoot(draftId), resolvedAt: { not: null } };
  const [openTotal, resolvedTotal, openRoots, resolvedRoots, people] =
    await Promise.all([
      db.strategyDraftComment.count({ where: open }),
      db.strategyDraftComment.count({ where: resolved }),
      db.strategyDraftComment.findMany({
        where: open,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: OPEN_THREADS_LIMIT,
        select: commentSelect,
      }),
      db.strategyDraftComment.findMany({
        where: resolved,
        orderBy: [{ resolvedAt: "desc" }, { id: "desc" }],
        take: RESOLVED_THREADS_LIMIT,
        select: commentSelect,
      }),
      mayWrite ? workspacePeople(ctx.draft.workspaceId) : Promise.resolve([]),
    ]);
  const roots = [...openRoots, ...resolvedRoots];
  const replies = roots.length
    ? await db.strategyDraftComment.findMany({
        where: {
          draftId,
          threadId: { in: roots.map((r) => r.id) },
          deletedAt: null,
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: commentSelect,
      })
    : [];
  const byThread = new Map<string, Row[]>();
  for (const r of replies)
    byThread.set(r.threadId ?? "", [
      ...(byThread.get(r.threadId ?? "") ?? []),
      r,
    ]);
  const item = (c: Row): DraftCommentItem => ({
    id: c.id,
    body: c.deletedAt ? null : c.body,
    author: {
      id: c.authorId,
      name: c.author.name,
      institutionShortName: c.author.institution?.shortName ?? null,
    },
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    canEdit:
      !c.deletedAt && canDraftComment(user, "edit", ctx.access, c.authorId),
    canDelete:
      !c.deletedAt && canDraftComment(user, "delete", ctx.access, c.authorId),
  });
  const threads: DraftThread[] = roots.map((r) => ({
    id: r.id,
    anchorStart: anchorFromBytes(r.anchorStart),
    anchorEnd: anchorFromBytes(r.anchorEnd),
    quote: r.quote,
    resolved: r.resolvedAt
      ? { at: r.resolvedAt, by: r.resolvedBy?.name ?? null }
      : null,
    root: item(r),
    replies: (byThread.get(r.id) ?? []).map(item),
    canResolve: canDraftComment(user, "resolve", ctx.access, r.authorId),
  }));
  return {
    threads,
    openTotal,
    resolvedTotal,
    canComment: mayWrite,
    archived: ctx.access.archived,
    mentionable: people.filter((p) => p.id !== user.id),
  };
}

export type DraftCommentsData = Awaited<ReturnType<typeof loadDraftComments>>;

// ——— Input ———

const id = z
  .string({ required_error: "validation.invalid" })
  .trim()
  .min(1, "validation.invalid")
  .max(64, "validation.invalid")
  .regex(/^[A-Za-z0-9_-]+$/, "validation.invalid");
const anchor = z
  .string({ required_error: "strategyComments.form.noSelection" })
  .refine(
    (v) => decodeRelative(v) !== null,
    "strategyComments.form.noSelection"
  );
const quote = z
  .string()
  .default("")
  .transform((v) => v.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .max(
        QUOTE_MAX,
        `validation.tooLong|${JSON.stringify({ max: QUOTE_MAX })}`
      )
  );

export const draftCommentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("comment.create"),
    anchorStart: anchor,
    anchorEnd: anchor,
    quote,
    body: commentBodySchema,
  }),
  z.object({
    intent: z.literal("comment.reply"),
    threadId: id,
    body: commentBodySchema,
  }),
  z.object({
    intent: z.literal("comment.update"),
    commentId: id,
    body: commentBodySchema,
  }),
  z.object({ intent: z.literal("comment.delete"), commentId: id }),
  z.object({ intent: z.literal("comment.resolve"), threadId: id }),
  z.object({ intent: z.literal("comment.reopen"), threadId: id }),
]);
export type DraftCommentInput = z.infer<typeof draftCommentSchema>;

// ——— Commands ———

type Meta = { ip?: string };
type Result =
  | { ok: true; id: string; threadId: string }
  | {
      ok: false;
      status: number;
      error: string;
      errors?: Record<string, string | undefined>;
    };
const notFoundResult = {
  ok: false as const,
  status: 404,
  error: "strategyComments.notFound",
};

async function resolveMentions(workspaceId: string, body: string, client: Tx) {
  const people = await workspacePeople(
    workspaceId,
    { ids: mentionedUserIds(body) },
    client
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const stored = rewriteMentions(body, (userId) => byId.get(userId) ?? null);
  return { body: stored, mentioned: mentionedUserIds(stored) };
}

function mentionNotice(
  user: AuthUser,
  ctx: DraftContext,
  commentId: string,
  threadId: string,
  userIds: string[]
) {
  return {
    userIds,
    kind: "mention",
    actorId: user.id,
    title: "strategyComments.notification.mention",
    data: { name: user.name, draft: ctx.draft.title },
    url: draftUrl(ctx.draft.workspaceId, ctx.draft.id, threadId),
    entityType: "StrategyDraftComment",
    entityId: commentId,
  };
}

async function requireCommentRight(
  user: AuthUser,
  ctx: DraftContext,
  action: DraftCommentAction,
  audit: string,
  entityId: string,
  meta: Meta,
  authorId?: string
) {
  await authorize(user, canDraftComment(user, action, ctx.access, authorId), {
    action: audit,
    entityType: "StrategyDraftComment",
    entityId,
    ip: meta.ip,
  });
}

/** The audit entry of a command on a comment of the draft. */
async function auditComment(
  user: AuthUser,
  ctx: DraftContext,
  action: string,
  entityId: string,
  changes: Record<string, unknown>,
  meta: Meta,
  tx: Tx
) {
  await recordAudit(
    {
      actor: user,
      action,
      entityType: "StrategyDraftComment",
      entityId,
      summary: ctx.draft.title,
      changes,
      ip: meta.ip,
    },
    tx
  );
}

/**
 * Writes a new comment (a thread's first one, or a reply when `fields.threadId` is set) with its
 * mentions resolved, its audit entry and the mention notifications, in one transaction.
 */
async function addComment(
  user: AuthUser,
  ctx: DraftContext,
  input: { body: string },
  fields: {
    threadId?: string;
    anchorStart?: Uint8Array<ArrayBuffer>;
    anchorEnd?: Uint8Array<ArrayBuffer>;
    quote?: string;
  },
  changes: Record<string, unknown>,
  meta: Meta
) {
  return db.$transaction(async (tx) => {
    const { body, mentioned } = await resolveMentions(
      ctx.draft.workspaceId,
      input.body,
      tx
    );
    const row = await tx.strategyDraftComment.create({
      data: {
        draftId: ctx.draft.id,
        authorId: user.id,
        ...fields,
        body,
      },
      select: { id: true },
    });
    const threadId = fields.threadId ?? row.id;
    await auditComment(
      user,
      ctx,
      "strategy.comment.create",
      row.id,
      { draftId: ctx.draft.id, ...changes, mentioned: mentioned.length },
      meta,
      tx
    );
    await notify(mentionNotice(user, ctx, row.id, threadId, mentioned), tx);
    return { ok: true as const, id: row.id, threadId };
  });
}

/** A new thread on a range of the draft; mentioned people who can see the workspace are notified. */
export async function createThread(
  user: AuthUser,
  ctx: DraftContext,
  input: {
    anchorStart: string;
    anchorEnd: string;
    quote: string;
    body: string;
  },
  meta: Meta
): Promise<Result> {
  await requireCommentRight(
    user,
    ctx,
    "create",
    "strategy.comment.create",
    ctx.draft.id,
    meta
  );
  const start = anchorBytes(input.anchorStart);
  const end = anchorBytes(input.anchorEnd);
  if (!start || !end)
    return {
      ok: false,
      status: 400,
      error: "strategyComments.form.noSelection",
    };
  return addComment(
    user,
    ctx,
    input,
    { anchorStart: start, anchorEnd: end, quote: input.quote },
    { quote: input.quote },
    meta
  );
}

async function loadThread(
  ctx: DraftContext,
  threadId: string,
  client: Tx | typeof db = db
) {
  return client.strategyDraftComment.findFirst({
    where: { id: threadId, draftId: ctx.draft.id, threadId: null },
    select: { id: true, authorId: true, resolvedAt: true, deletedAt: true },
  });
}

/** A reply in a thread (also in a resolved one, or one whose first comment was deleted). */
export async function replyToThread(
  user: AuthUser,
  ctx: DraftContext,
  input: { threadId: string; body: string },
  meta: Meta
): Promise<Result> {
  const thread = await loadThread(ctx, input.threadId);
  if (!thread) return notFoundResult;
  await requireCommentRight(
    user,
    ctx,
    "create",
    "strategy.comment.create",
    thread.id,
    meta
  );
  return addComment(
    user,
    ctx,
    input,
    { threadId: thread.id },
    { threadId: thread.id },
    meta
  );
}

async function loadLiveComment(ctx: DraftContext, commentId: string) {
  return db.strategyDraftComment.findFirst({
    where: { id: commentId, draftId: ctx.draft.id, deletedAt: null },
    select: { id: true, threadId: true, authorId: true, body: true },
  });
}

/** The author edits their own comment; people newly mentioned are notified. */
export async function updateDraftComment(
  user: AuthUser,
  ctx: DraftContext,
  input: { commentId: string; body: string },
  meta: Meta
): Promise<Result> {
  const comment = await loadLiveComment(ctx, input.commentId);
  if (!comment) return notFoundResult;
  await requireCommentRight(
    user,
    ctx,
    "edit",
    "strategy.comment.update",
    comment.id,
    meta,
    comment.authorId
  );
  const threadId = comment.threadId ?? comment.id;
  return db.$transaction(async (tx) => {
    const { body, mentioned } = await resolveMentions(
      ctx.draft.workspaceId,
      input.body,
      tx
    );
    if (body === comment.body)
      return { ok: true as const, id: comment.id, threadId };
    const updated = await tx.strategyDraftComment.updateMany({
      where: { id: comment.id, deletedAt: null },
      data: { body, editedAt: new Date() },
    });
    if (updated.count === 0) return notFoundResult;
    const before = new Set(mentionedUserIds(comment.body));
    await auditComment(
      user,
      ctx,
      "strategy.comment.update",
      comment.id,
      { body: [comment.body, body] },
      meta,
      tx
    );
    await notify(
      mentionNotice(
        user,
        ctx,
        comment.id,
        threadId,
        mentioned.filter((m) => !before.has(m))
      ),
      tx
    );
    return { ok: true as const, id: comment.id, threadId };
  });
}

/** Soft delete of one's own comment; a deleted first comment keeps its thread's replies readable. */
export async function deleteDraftComment(
  user: AuthUser,
  ctx: DraftContext,
  input: { commentId: string },
  meta: Meta
): Promise<Result> {
  const comment = await loadLiveComment(ctx, input.commentId);
  if (!comment) return notFoundResult;
  await requireCommentRight(
    user,
    ctx,
    "delete",
    "strategy.comment.delete",
    comment.id,
    meta,
    comment.authorId
  );
  return db.$transaction(async (tx) => {
    const deletedAt = new Date();
    const updated = await tx.strategyDraftComment.updateMany({
      where: { id: comment.id, deletedAt: null },
      data: { deletedAt },
    });
    if (updated.count === 0) return notFoundResult;
    await auditComment(
      user,
      ctx,
      "strategy.comment.delete",
      comment.id,
      { deletedAt: [null, deletedAt.toISOString()] },
      meta,
      tx
    );
    return {
      ok: true as const,
      id: comment.id,
      threadId: comment.threadId ?? comment.id,
    };
  });
}

/** Resolves or reopens a thread: an EDITOR or OWNER, or whoever started it. Repeating it changes nothing. */
export async function setThreadResolved(
  user: AuthUser,
  ctx: DraftContext,
  input: { threadId: string; resolved: boolean },
  meta: Meta
): Promise<Result> {
  const action = input.resolved
    ? "strategy.comment.resolve"
    : "strategy.comment.reopen";
  const thread = await loadThread(ctx, input.threadId);
  if (!thread) return notFoundResult;
  await requireCommentRight(
    user,
    ctx,
    "resolve",
    action,
    thread.id,
    meta,
    thread.authorId
  );
  if (!!thread.resolvedAt === input.resolved)
    return { ok: true, id: thread.id, threadId: thread.id };
  return db.$transaction(async (tx) => {
    const now = new Date();
    const updated = await tx.strategyDraftComment.updateMany({
      where: {
        id: thread.id,
        resolvedAt: input.resolved ? null : { not: null },
      },
      data: input.resolved
        ? { resolvedAt: now, resolvedById: user.id }
        : { resolvedAt: null, resolvedById: null },
    });
    if (updated.count > 0) {
      await auditComment(
        user,
        ctx,
        action,
        thread.id,
        {
          resolvedAt: input.resolved
            ? [null, now.toISOString()]
            : [thread.resolvedAt?.toISOString() ?? null, null],
        },
        meta,
        tx
      );
    }
    return { ok: true as const, id: thread.id, threadId: thread.id };
  });
}

// ——— The editor page's action for comment intents ———

export function isDraftCommentIntent(intent: unknown): boolean {
  return (
    typeof intent === "string" && intent.startsWith(DRAFT_COMMENT_INTENT_PREFIX)
  );
}

export type DraftCommentActionData = {
  ok: boolean;
  error: string | null;
  errors: Record<string, string | undefined> | null;
  commentId?: string;
  threadId?: string;
};

const TOASTS: Record<DraftCommentInput["intent"], Toast["key"]> = {
  "comment.create": "strategyComments.toast.created",
  "comment.reply": "strategyComments.toast.replied",
  "comment.update": "strategyComments.toast.updated",
  "comment.delete": "strategyComments.toast.deleted",
  "comment.resolve": "strategyComments.toast.resolved",
  "comment.reopen": "strategyComments.toast.reopened",
};

/**
 * Handles the `comment.*` intents posted to the editor page. The draft first (404 when invisible),
 * then the input (400, messages next to the fields), then the right (403, audited).
 */
export async function draftCommentAction(
  args: ActionFunctionArgs,
  form?: Record<string, string>
) {
  const user = await requireUser(args.request);
  const meta = { ip: requestMeta(args.request, args.context).ip };
  const ctx = await loadDraftAccess(user, args.params.draftId ?? "", {
    workspaceId: args.params.workspaceId ?? "",
  });
  const parsed = draftCommentSchema.safeParse(
    form ?? formToObject(await args.request.formData())
  );
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    const error = errors.intent
      ? "validation.invalid"
      : errors.anchorStart ?? errors.anchorEnd ?? null;
    return data<DraftCommentActionData>(
      { ok: false, error, errors },
      { status: 400 }
    );
  }
  const input = parsed.data;
  let result: Result;
  switch (input.intent) {
    case "comment.create":
      result = await createThread(user, ctx, input, meta);
      break;
    case "comment.reply":
      result = await replyToThread(user, ctx, input, meta);
      break;
    case "comment.update":
      result = await updateDraftComment(user, ctx, input, meta);
      break;
    case "comment.delete":
      result = await deleteDraftComment(user, ctx, input, meta);
      break;
    case "comment.resolve":
    case "comment.reopen":
      result = await setThreadResolved(
        user,
        ctx,
        {
          threadId: input.threadId,
          resolved: input.intent === "comment.resolve",
        },
        meta
      );
      break;
  }
  if (!result.ok)
    return data<DraftCommentActionData>(
      { ok: false, error: result.error, errors: result.errors ?? null },
      { status: result.status }
    );
  return data<DraftCommentActionData>(
    {
      ok: true,
      error: null,
      errors: null,
      commentId: result.id,
      threadId: result.threadId,
    },
    {
      headers: {
        "Set-Cookie": await toastHeader({ key: TOASTS[input.intent] }),
      },
    }
  );
}
