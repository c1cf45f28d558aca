// Comments on documents, with @mentions of the people who can see the workspace. The only code
// that queries Prisma for comments. Every entry point goes through requireWorkspace (404 when the
// workspace is invisible, 403 audited when not allowed), then checks that the document and the
// comment belong to it. Commands write the comment, its audit entry and the mention
// notifications in one transaction.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser, type AuthUser } from "~/modules/auth/session.server";
import { libraryUrls } from "~/modules/library/library-urls";
import { notify } from "~/modules/notifications/notifications.server";
import { requireWorkspace, type WorkspaceContext } from "~/modules/workspaces/access.server";
import { db, type Tx } from "~/utils/db.server";
import { fieldErrors, formToObject } from "~/utils/forms";
import { requestMeta } from "~/utils/request.server";
import { toastHeader, type Toast } from "~/utils/toast.server";
import { canComment } from "./comments.policy";
import {
  COMMENT_INTENT_PREFIX,
  COMMENT_MAX,
  commentActionSchema,
  commentAnchor,
  COMMENTS_PAGE_SIZE,
  COMMENTS_QUERY_PARAM,
  commentsShownSchema,
} from "./comments.schema";
import { mentionedUserIds, rewriteMentions, type MentionPerson } from "./mentions";

// ——— Who can be mentioned ———

/** Bound on the suggestions sent to the page; the partnership is far smaller. */
export const MENTIONABLE_LIMIT = 1000;

/**
 * The active people who can see the workspace: its direct members, and the people of its member
 * institutions (unless the institution is in the trash) — the same rule as `visibleWorkspacesWhere`,
 * seen from the workspace. Platform administrators who are not members are not listed.
 * `ids` narrows the answer to those people (to check mentions); one query either way.
 */
export async function workspacePeople(
  workspaceId: string,
  options: { ids?: string[]; take?: number } = {},
  client: Tx | typeof db = db,
): Promise<(MentionPerson & { institutionShortName: string | null })[]> {
  if (options.ids && options.ids.length === 0) return [];
  const rows = await client.user.findMany({
    where: {
      deactivatedAt: null,
      ...(options.ids ? { id: { in: options.ids } } : {}),
      OR: [
        { workspaceMembers: { some: { workspaceId } } },
        { institution: { deletedAt: null, workspaceMemberships: { some: { workspaceId } } } },
      ],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: options.take ?? MENTIONABLE_LIMIT,
    select: { id: true, name: true, institution: { select: { shortName: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, institutionShortName: r.institution?.shortName ?? null }));
}

/**
 * The body as it will be stored: mentions of people who can see the workspace are written with
 * their current name; any other token becomes plain "@Name". Returns who is mentioned.
 */
async function resolveMentions(workspaceId: string, body: string, client: Tx | typeof db): Promise<{ body: string; mentioned: string[] }> {
  const ids = mentionedUserIds(body);
  const people = await workspacePeople(workspaceId, { ids }, client);
  const byId = new Map(people.map((p) => [p.id, p]));
  const stored = rewriteMentions(body, (id) => byId.get(id) ?? null);
  return { body: stored, mentioned: mentionedUserIds(stored) };
}

// ——— Reading ———

const commentSelect = {
  id: true,
  body: true,
  version: true,
  createdAt: true,
  editedAt: true,
  authorId: true,
  author: { select: { name: true, institution: { select: { shortName: true } } } },
} as const satisfies Prisma.DocumentCommentSelect;

/** The newest `shown` live comments of a live document in the workspace, oldest first, and their total. */
export async function listDocumentComments(workspaceId: string, documentId: string, shown = COMMENTS_PAGE_SIZE) {
  const where: Prisma.DocumentCommentWhereInput = { documentId, deletedAt: null, document: { workspaceId, deletedAt: null } };
  const [total, rows] = await Promise.all([
    db.documentComment.count({ where }),
    db.documentComment.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: shown, select: commentSelect }),
  ]);
  return { total, rows: rows.reverse() };
}

/**
 * What the file page adds for the comments section: the comments with what the reader may do
 * with each, and (when they may write) the people they can mention. Call after `loadFilePage`,
 * which has already answered 404 for a document outside the workspace.
 */
export async function loadDocumentComments(args: LoaderFunctionArgs) {
  const user = await requireUser(args.request);
  const access = await requireWorkspace(user, args.params.workspaceId ?? "", "view", requestMeta(args.request, args.context).ip);
  const workspaceId = access.workspace.id;
  const documentId = args.params.documentId ?? "";
  const shown = commentsShownSchema.parse(new URL(args.request.url).searchParams.get(COMMENTS_QUERY_PARAM) ?? undefined);
  const ws = { role: access.role, archived: access.archived };
  const mayWrite = canComment(user, "create", { access: ws });
  const [{ total, rows }, people] = await Promise.all([
    listDocumentComments(workspaceId, documentId, shown),
    mayWrite ? workspacePeople(workspaceId) : Promise.resolve([]),
  ]);
  return {
    comments: {
      items: rows.map((c) => ({
        id: c.id,
        body: c.body,
        version: c.version,
        createdAt: c.createdAt,
        editedAt: c.editedAt,
        author: { id: c.authorId, name: c.author.name, institutionShortName: c.author.institution?.shortName ?? null },
        mine: c.authorId === user.id,
        canEdit: canComment(user, "edit", { access: ws, authorId: c.authorId }),
        canDelete: canComment(user, "delete", { access: ws, authorId: c.authorId }),
      })),
      total,
      /** How many the "show earlier" link asks for next; null when everything is shown. */
      nextShown: total > rows.length ? Math.min(shown + COMMENTS_PAGE_SIZE, total) : null,
      canCreate: mayWrite,
      archived: access.archived,
    },
    mentionable: people.filter((p) => p.id !== user.id),
  };
}

export type DocumentCommentsData = Awaited<ReturnType<typeof loadDocumentComments>>;

// ——— Commands ———

type Meta = { ip?: string };
type CommandResult = { ok: true; id: string } | { ok: false; status: number; error?: string; errors?: Record<string, string | undefined> };

const fileUrl = (workspaceId: string, documentId: string, commentId: string) => `${libraryUrls.file(workspaceId, documentId)}#${commentAnchor(commentId)}`;
const tooLong = { ok: false as const, status: 400, errors: { body: `validation.tooLong|${JSON.stringify({ max: COMMENT_MAX })}` } };

async function liveDocument(workspaceId: string, documentId: string, client: Tx | typeof db) {
  return client.document.findFirst({ where: { id: documentId, workspaceId, deletedAt: null }, select: { id: true, name: true, currentVersion: true } });
}

function mentionNotice(user: AuthUser, workspaceId: string, doc: { id: string; name: string }, commentId: string, userIds: string[]) {
  return {
    userIds,
    kind: "mention",
    actorId: user.id,
    title: "notifications.kind.mention",
    data: { name: user.name, document: doc.name },
    url: fileUrl(workspaceId, doc.id, commentId),
    entityType: "DocumentComment",
    entityId: commentId,
  };
}

/** A new comment on a live document of the workspace; mentioned people who can see it are notified. */
export async function createComment(user: AuthUser, access: WorkspaceContext, documentId: string, rawBody: string, meta: Meta): Promise<CommandResult> {
  const workspaceId = access.workspace.id;
  return db.$transaction(async (tx) => {
    const doc = await liveDocument(workspaceId, documentId, tx);
    if (!doc) return { ok: false as const, status: 404, error: "comments.notFound" };
    const { body, mentioned } = await resolveMentions(workspaceId, rawBody, tx);
    if (body.length > COMMENT_MAX) return tooLong;
    const comment = await tx.documentComment.create({ data: { documentId: doc.id, authorId: user.id, body, version: doc.currentVersion } });
    await recordAudit(
      {
        actor: user,
        action: "comment.create",
        entityType: "DocumentComment",
        entityId: comment.id,
        summary: doc.name,
        changes: { documentId: doc.id, version: doc.currentVersion, mentioned: mentioned.length },
        ip: meta.ip,
      },
      tx,
    );
    await notify(mentionNotice(user, workspaceId, doc, comment.id, mentioned), tx);
    return { ok: true as const, id: comment.id };
  });
}

async function loadComment(workspaceId: string, documentId: string, commentId: string, client: Tx | typeof db) {
  return client.documentComment.findFirst({
    where: { id: commentId, documentId, deletedAt: null, document: { workspaceId, deletedAt: null } },
    select: { id: true, authorId: true, body: true, document: { select: { id: true, name: true } } },
  });
}

/** The author edits their own comment; people newly mentioned are notified (not those mentioned before). */
export async function updateComment(
  user: AuthUser,
  access: WorkspaceContext,
  documentId: string,
  input: { commentId: string; body: string },
  meta: Meta,
): Promise<CommandResult> {
  const workspaceId = access.workspace.id;
  const comment = await loadComment(workspaceId, documentId, input.commentId, db);
  if (!comment) return { ok: false, status: 404, error: "comments.notFound" };
  await authorize(user, canComment(user, "edit", { access, authorId: comment.authorId }), {
    action: "comment.update",
    entityType: "DocumentComment",
    entityId: comment.id,
    ip: meta.ip,
  });
  return db.$transaction(async (tx) => {
    const { body, mentioned } = await resolveMentions(workspaceId, input.body, tx);
    if (body.length > COMMENT_MAX) return tooLong;
    if (body === comment.body) return { ok: true as const, id: comment.id };
    const updated = await tx.documentComment.updateMany({ where: { id: comment.id, deletedAt: null }, data: { body, editedAt: new Date() } });
    if (updated.count === 0) return { ok: false as const, status: 404, error: "comments.notFound" };
    const before = new Set(mentionedUserIds(comment.body));
    const added = mentioned.filter((id) => !before.has(id));
    await recordAudit(
      {
        actor: user,
        action: "comment.update",
        entityType: "DocumentComment",
        entityId: comment.id,
        summary: comment.document.name,
        changes: { body: [comment.body, body] },
        ip: meta.ip,
      },
      tx,
    );
    await notify(mentionNotice(user, workspaceId, comment.document, comment.id, added), tx);
    return { ok: true as const, id: comment.id };
  });
}

/** Soft delete: by the author, or by an OWNER of the workspace. */
export async function deleteComment(user: AuthUser, access: WorkspaceContext, documentId: string, commentId: string, meta: Meta): Promise<CommandResult> {
  const comment = await loadComment(access.workspace.id, documentId, commentId, db);
  if (!comment) return { ok: false, status: 404, error: "comments.notFound" };
  await authorize(user, canComment(user, "delete", { access, authorId: comment.authorId }), {
    action: "comment.delete",
    entityType: "DocumentComment",
    entityId: comment.id,
    ip: meta.ip,
  });
  return db.$transaction(async (tx) => {
    const deletedAt = new Date();
    const updated = await tx.documentComment.updateMany({ where: { id: comment.id, deletedAt: null }, data: { deletedAt } });
    if (updated.count === 0) return { ok: false as const, status: 404, error: "comments.notFound" };
    await recordAudit(
      {
        actor: user,
        action: "comment.delete",
        entityType: "DocumentComment",
        entityId: comment.id,
        summary: comment.document.name,
        changes: { deletedAt: [null, deletedAt.toISOString()], ...(comment.authorId !== user.id ? { authorId: comment.authorId } : {}) },
        ip: meta.ip,
      },
      tx,
    );
    return { ok: true as const, id: comment.id };
  });
}

// ——— The file page's action for comment intents ———

/** True for a form that belongs to the comments section (`intent` starting with "comment."). */
export function isCommentIntent(intent: unknown): boolean {
  return typeof intent === "string" && intent.startsWith(COMMENT_INTENT_PREFIX);
}

export type CommentActionData = {
  ok: boolean;
  error: string | null;
  errors: Record<string, string | undefined> | null;
  commentId?: string;
};

async function answer(result: CommandResult, toast: Toast) {
  if (!result.ok) return data<CommentActionData>({ ok: false, error: result.error ?? null, errors: result.errors ?? null }, { status: result.status });
  return data<CommentActionData>({ ok: true, error: null, errors: null, commentId: result.id }, { headers: { "Set-Cookie": await toastHeader(toast) } });
}

/**
 * Handles `comment.create` / `comment.update` / `comment.delete` posted to the file page.
 * Authorisation first (404 for an invisible workspace, 403 for an archived one), then input (400).
 */
export async function commentAction(args: ActionFunctionArgs, form?: Record<string, string>) {
  const user = await requireUser(args.request);
  const meta = { ip: requestMeta(args.request, args.context).ip };
  const access = await requireWorkspace(user, args.params.workspaceId ?? "", "comment", meta.ip);
  const documentId = args.params.documentId ?? "";
  const parsed = commentActionSchema.safeParse(form ?? formToObject(await args.request.formData()));
  if (!parsed.success) return data<CommentActionData>({ ok: false, error: null, errors: fieldErrors(parsed.error) }, { status: 400 });
  const input = parsed.data;
  switch (input.intent) {
    case "comment.create":
      return answer(await createComment(user, access, documentId, input.body, meta), { key: "comments.created" });
    case "comment.update":
      return answer(await updateComment(user, access, documentId, input, meta), { key: "comments.updated" });
    case "comment.delete":
      return answer(await deleteComment(user, access, documentId, input.commentId, meta), { key: "comments.deleted" });
  }
}
