// The idea page of the inbox: its loader, its one action (an `intent` per form) and the commands
// behind them. Every intent names its own IdeaAction and goes through requireIdea first (404 when
// the idea is invisible, audited 403 when the person may not do it), then its Zod schema (400 with
// translation keys next to the fields), then the command, which writes its audit entry in the same
// transaction as the change. Changes of the idea itself (status, tags, assignment, merging) carry
// the version the person started from: a stale one is refused with 409 and nothing is written.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import { authorize } from "~/modules/auth/authorize.server";
import { requireUser, type AuthUser } from "~/modules/auth/session.server";
import { notify } from "~/modules/notifications/notifications.server";
import { db } from "~/utils/db.server";
import { fieldErrors, formToObject, type FieldErrors } from "~/utils/forms";
import { createTranslator } from "~/utils/i18n";
import { requestMeta } from "~/utils/request.server";
import { redirectWithToast, toastHeader, type Toast } from "~/utils/toast.server";
import { ideasInboxWhere, requireIdea, type IdeaContext } from "./access.server";
import { addIdeaLink, linkCandidates, removeIdeaLink, resolveIdeaLinks } from "./idea-links.server";
import {
  assignSchema,
  commentCreateSchema,
  commentDeleteSchema,
  commentUpdateSchema,
  intentSchema,
  linkAddSchema,
  linkRemoveSchema,
  mergeSchema,
  scoreSchema,
  statusSchema,
  tagsSchema,
  taskFromIdeaSchema,
  type IdeaIntent,
} from "./idea-page.schema";
import { createTaskFromIdea, taskTargets } from "./idea-tasks.server";
import { allowedIdeaActions, type IdeaAction } from "./ideas.policy";
import { canMoveIdea, ideaUrls, type AcceptedFor, type IdeaStatusValue } from "./inbox.schema";
import { overallScore } from "./inbox.server";
import { eraseContact } from "./erasure.server";

type Meta = { ip?: string };

/** How many comments the page shows (the newest; the inbox's discussion stays short). */
export const COMMENTS_SHOWN = 200;
/** Bound on the ideas offered as "the original" when merging (newest first; a reference can be typed). */
export const MERGE_CANDIDATES_LIMIT = 300;

// ——— Reading ———

async function ideaDetail(ideaId: string) {
  return db.idea.findUniqueOrThrow({
    where: { id: ideaId },
    select: {
      id: true,
      reference: true,
      title: true,
      description: true,
      category: true,
      location: true,
      contactName: true,
      contactEmail: true,
      consentAt: true,
      consentText: true,
      contactErasedAt: true,
      status: true,
      acceptedFor: true,
      publicReason: true,
      submittedAt: true,
      closedAt: true,
      updatedAt: true,
      version: true,
      intake: { select: { id: true, title: true } },
      assignee: { select: { id: true, name: true } },
      duplicateOf: { select: { id: true, reference: true, title: true } },
      duplicates: { where: { deletedAt: null }, select: { id: true, reference: true, title: true }, orderBy: { reference: "asc" } },
      tags: { select: { tag: true }, orderBy: { tag: "asc" } },
    },
  });
}

async function ideaComments(ideaId: string) {
  const where = { ideaId, deletedAt: null };
  const [total, rows] = await Promise.all([
    db.ideaComment.count({ where }),
    db.ideaComment.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: COMMENTS_SHOWN,
      select: { id: true, body: true, createdAt: true, editedAt: true, authorId: true, author: { select: { name: true, institution: { select: { shortName: true } } } } },
    }),
  ]);
  return { total, rows: rows.reverse() };
}

async function ideaScores(ideaId: string) {
  const rows = await db.ideaScore.findMany({
    where: { ideaId },
    orderBy: [{ updatedAt: "desc" }],
    select: { userId: true, impact: true, feasibility: true, updatedAt: true, user: { select: { name: true, institution: { select: { shortName: true } } } } },
  });
  const avg = (pick: (r: (typeof rows)[number]) => number) => (rows.length ? rows.reduce((s, r) => s + pick(r), 0) / rows.length : null);
  const summary = { impact: avg((r) => r.impact), feasibility: avg((r) => r.feasibility), count: rows.length };
  return { summary, overall: overallScore(summary), rows };
}

/**
 * Who may be responsible for an idea: the coordinators of the partner institutions and the members
 * of the intake's designated workspace (directly or through their institution); active accounts.
 */
export function assignableWhere(workspaceId: string | null): Prisma.UserWhereInput {
  const or: Prisma.UserWhereInput[] = [{ institutionRole: "COORDINATOR", institutionId: { not: null }, institution: { deletedAt: null } }];
  if (workspaceId) {
    or.push({ workspaceMembers: { some: { workspaceId } } });
    or.push({ institution: { deletedAt: null, workspaceMemberships: { some: { workspaceId } } } });
  }
  return { deactivatedAt: null, OR: or };
}

async function assignable(workspaceId: string | null) {
  const rows = await db.user.findMany({
    where: assignableWhere(workspaceId),
    orderBy: { name: "asc" },
    select: { id: true, name: true, institution: { select: { shortName: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, institutionShortName: r.institution?.shortName ?? null }));
}

async function mergeCandidates(user: AuthUser, ideaId: string) {
  return db.idea.findMany({
    where: { AND: [ideasInboxWhere(user), { id: { not: ideaId }, duplicateOfId: null }] },
    orderBy: { submittedAt: "desc" },
    take: MERGE_CANDIDATES_LIMIT,
    select: { id: true, reference: true, title: true },
  });
}

/** The tags used in the person's inbox (suggestions while typing). */
async function tagSuggestions(user: AuthUser) {
  const rows = await db.ideaTag.findMany({ where: { idea: ideasInboxWhere(user) }, distinct: ["tag"], orderBy: { tag: "asc" }, take: 300, select: { tag: true } });
  return rows.map((r) => r.tag);
}

/** Everything the idea page shows, and what this person may do there. */
export async function loadIdeaPage(args: LoaderFunctionArgs) {
  const user = await requireUser(args.request);
  const ctx = await requireIdea(user, args.params.ideaId ?? "", "view", requestMeta(args.request, args.context).ip);
  const can = allowedIdeaActions(user, ctx.access);
  const none = Promise.resolve(null);
  const [idea, comments, scores, links, people, merge, candidates, teams, tagsInUse] = await Promise.all([
    ideaDetail(ctx.idea.id),
    ideaComments(ctx.idea.id),
    ideaScores(ctx.idea.id),
    resolveIdeaLinks(user, ctx.idea.id),
    can.assign ? assignable(ctx.idea.workspaceId) : none,
    can.merge ? mergeCandidates(user, ctx.idea.id) : none,
    can.link ? linkCandidates(user) : none,
    can.createTask ? taskTargets(user) : none,
    can.tag ? tagSuggestions(user) : none,
  ]);
  const { tags, contactName, contactEmail, consentAt, consentText, contactErasedAt, ...rest } = idea;
  const own = scores.rows.find((s) => s.userId === user.id);
  return {
    idea: { ...rest, tags: tags.map((t) => t.tag) },
    // Contact data only for those who may view the idea (requireIdea above); after erasure only the date.
    contact: can.view
      ? {
          erasedAt: contactErasedAt,
          name: contactErasedAt ? null : contactName,
          email: contactErasedAt ? null : contactEmail,
          consentAt: contactErasedAt ? null : consentAt,
          consentText: contactErasedAt ? null : consentText,
        }
      : null,
    can,
    comments: {
      total: comments.total,
      items: comments.rows.map((c) => ({
        id: c.id,
        body: c.body,
        createdAt: c.createdAt,
        editedAt: c.editedAt,
        author: { id: c.authorId, name: c.author.name, institutionShortName: c.author.institution?.shortName ?? null },
        mine: c.authorId === user.id,
      })),
    },
    scores: {
      summary: scores.summary,
      overall: scores.overall,
      own: own ? { impact: own.impact, feasibility: own.feasibility } : null,
      rows: scores.rows.map((s) => ({
        userId: s.userId,
        name: s.user.name,
        institutionShortName: s.user.institution?.shortName ?? null,
        impact: s.impact,
        feasibility: s.feasibility,
        updatedAt: s.updatedAt,
      })),
    },
    links,
    people: people ?? [],
    mergeCandidates: merge ?? [],
    linkCandidates: candidates ?? { tasks: [], documents: [] },
    teams: teams ?? [],
    tagSuggestions: tagsInUse ?? [],
  };
}

export type IdeaPageData = Awaited<ReturnType<typeof loadIdeaPage>>;

// ——— Commands ———

type Conflict = { ok: false; status: 409 };
type Invalid = { ok: false; status: 400; errors: FieldErrors };
type Gone = { ok: false; status: 404 };
type CommandResult = { ok: true } | Conflict | Invalid | Gone;

const CONFLICT: Conflict = { ok: false, status: 409 };
const GONE: Gone = { ok: false, status: 404 };
const invalid = (errors: FieldErrors): Invalid => ({ ok: false, status: 400, errors });

const CLOSED: IdeaStatusValue[] = ["ACCEPTED", "REJECTED"];

/**
 * Moves the idea along Nowy → W analizie → Przyjęty (do strategii / do projektu) | Odrzucony (with a
 * public reason), or reopens it to W analizie (a reopened duplicate is no longer merged).
 */
export async function changeIdeaStatus(
  user: AuthUser,
  ctx: IdeaContext,
  input: { status: IdeaStatusValue; acceptedFor: AcceptedFor | null; publicReason: string | null; version: number },
  meta: Meta,
): Promise<CommandResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.idea.findFirst({
      where: { id: ctx.idea.id, deletedAt: null },
      select: { status: true, acceptedFor: true, publicReason: true, duplicateOfId: true, version: true, reference: true, title: true },
    });
    if (!before) return GONE;
    if (before.version !== input.version) return CONFLICT;
    if (!canMoveIdea(before.status, input.status)) return invalid({ status: "ideasInbox.validation.transition" });
    const closing = CLOSED.includes(input.status);
    const next = {
      status: input.status,
      acceptedFor: input.status === "ACCEPTED" ? input.acceptedFor : null,
      publicReason: input.status === "REJECTED" ? input.publicReason : null,
      duplicateOfId: input.status === "IN_ANALYSIS" ? null : before.duplicateOfId,
    };
    const saved = await tx.idea.updateMany({
      where: { id: ctx.idea.id, version: input.version },
      data: { ...next, closedAt: closing ? new Date() : null, version: { increment: 1 } },
    });
    if (saved.count === 0) return CONFLICT;
    const changes: Record<string, [unknown, unknown]> = {};
    for (const f of ["status", "acceptedFor", "publicReason", "duplicateOfId"] as const) if (before[f] !== next[f]) changes[f] = [before[f], next[f]];
    await recordAudit(
      { actor: user, action: "idea.status", entityType: "Idea", entityId: ctx.idea.id, summary: `${before.reference} ${before.title}`, changes, ip: meta.ip },
      tx,
    );
    return { ok: true as const };
  });
}

export async function setIdeaTags(user: AuthUser, ctx: IdeaContext, tags: string[], version: number, meta: Meta): Promise<CommandResult> {
  return db.$transaction(async (tx) => {
    const saved = await tx.idea.updateMany({ where: { id: ctx.idea.id, version, deletedAt: null }, data: { version: { increment: 1 } } });
    if (saved.count === 0) return CONFLICT;
    const before = (await tx.ideaTag.findMany({ where: { ideaId: ctx.idea.id }, select: { tag: true } })).map((t) => t.tag).sort();
    const after = [...tags].sort();
    if (before.join("\n") !== after.join("\n")) {
      await tx.ideaTag.deleteMany({ where: { ideaId: ctx.idea.id } });
      if (after.length) await tx.ideaTag.createMany({ data: after.map((tag) => ({ ideaId: ctx.idea.id, tag })) });
      await recordAudit(
        { actor: user, action: "idea.tags", entityType: "Idea", entityId: ctx.idea.id, summary: ctx.idea.reference, changes: { tags: [before, after] }, ip: meta.ip },
        tx,
      );
    }
    return { ok: true as const };
  });
}

export async function assignIdea(user: AuthUser, ctx: IdeaContext, assigneeId: string | null, version: number, meta: Meta): Promise<CommandResult> {
  return db.$transaction(async (tx) => {
    if (assigneeId) {
      const eligible = await tx.user.findFirst({ where: { AND: [{ id: assigneeId }, assignableWhere(ctx.idea.workspaceId)] }, select: { id: true } });
      if (!eligible) return invalid({ assigneeId: "ideasInbox.validation.assignee" });
    }
    const before = await tx.idea.findFirst({ where: { id: ctx.idea.id, deletedAt: null }, select: { assigneeId: true, reference: true, title: true } });
    if (!before) return GONE;
    const saved = await tx.idea.updateMany({ where: { id: ctx.idea.id, version }, data: { assigneeId, version: { increment: 1 } } });
    if (saved.count === 0) return CONFLICT;
    if (before.assigneeId !== assigneeId) {
      await recordAudit(
        {
          actor: user,
          action: "idea.assign",
          entityType: "Idea",
          entityId: ctx.idea.id,
          summary: `${before.reference} ${before.title}`,
          changes: { assigneeId: [before.assigneeId, assigneeId] },
          ip: meta.ip,
        },
        tx,
      );
      if (assigneeId) {
        await notify(
          {
            userIds: [assigneeId],
            kind: "idea.assigned",
            actorId: user.id,
            title: "ideasInbox.notify.assigned",
            data: { name: user.name, reference: before.reference, title: before.title },
            url: ideaUrls.idea(ctx.idea.id),
            entityType: "Idea",
            entityId: ctx.idea.id,
          },
          tx,
        );
      }
    }
    return { ok: true as const };
  });
}

/**
 * Merges this idea (a duplicate) into the original: the duplicate points to it and is closed as
 * Odrzucony with the public reason "Połączono z pomysłem P-…"; its tags, scores and comments stay
 * where they are. Chains are kept flat: the original of a duplicate is its own original, and the
 * duplicates of this idea follow it to the new original.
 */
export async function mergeIdea(user: AuthUser, ctx: IdeaContext, original: string, version: number, meta: Meta): Promise<CommandResult & { reference?: string }> {
  return db.$transaction(async (tx) => {
    const visible = ideasInboxWhere(user);
    const picked = await tx.idea.findFirst({
      where: { AND: [visible, { OR: [{ id: original }, { reference: original.toUpperCase() }] }] },
      select: { id: true, reference: true, duplicateOfId: true },
    });
    if (!picked) return invalid({ original: "ideasInbox.merge.notFound" });
    const root = picked.duplicateOfId
      ? await tx.idea.findFirst({ where: { AND: [visible, { id: picked.duplicateOfId }] }, select: { id: true, reference: true, duplicateOfId: true } })
      : picked;
    if (!root) return invalid({ original: "ideasInbox.merge.notFound" });
    if (root.id === ctx.idea.id) return invalid({ original: "ideasInbox.merge.self" });
    const before = await tx.idea.findFirst({ where: { id: ctx.idea.id, deletedAt: null }, select: { status: true, publicReason: true, reference: true, title: true } });
    if (!before) return GONE;
    const reason = createTranslator("pl")("ideasInbox.merge.publicReason", { reference: root.reference });
    const saved = await tx.idea.updateMany({
      where: { id: ctx.idea.id, version },
      data: { duplicateOfId: root.id, status: "REJECTED", acceptedFor: null, publicReason: reason, closedAt: new Date(), version: { increment: 1 } },
    });
    if (saved.count === 0) return CONFLICT;
    // Earlier duplicates of this idea now belong to the original too.
    await tx.idea.updateMany({
      where: { duplicateOfId: ctx.idea.id },
      data: { duplicateOfId: root.id, publicReason: reason, version: { increment: 1 } },
    });
    await recordAudit(
      {
        actor: user,
        action: "idea.merge",
        entityType: "Idea",
        entityId: ctx.idea.id,
        summary: `${before.reference} → ${root.reference}`,
        changes: { duplicateOf: [null, root.reference], status: [before.status, "REJECTED"], publicReason: [before.publicReason, reason] },
        ip: meta.ip,
      },
      tx,
    );
    return { ok: true as const, reference: root.reference };
  });
}

/** One score per person (1–5 impact and feasibility), changeable. */
export async function scoreIdea(user: AuthUser, ctx: IdeaContext, input: { impact: number; feasibility: number }, meta: Meta): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.ideaScore.findUnique({ where: { ideaId_userId: { ideaId: ctx.idea.id, userId: user.id } }, select: { impact: true, feasibility: true } });
    await tx.ideaScore.upsert({
      where: { ideaId_userId: { ideaId: ctx.idea.id, userId: user.id } },
      create: { ideaId: ctx.idea.id, userId: user.id, ...input },
      update: input,
    });
    await recordAudit(
      {
        actor: user,
        action: "idea.score",
        entityType: "Idea",
        entityId: ctx.idea.id,
        summary: `${ctx.idea.reference}: ${input.impact}/${input.feasibility}`,
        changes: { impact: [before?.impact ?? null, input.impact], feasibility: [before?.feasibility ?? null, input.feasibility] },
        ip: meta.ip,
      },
      tx,
    );
  });
}

export async function removeIdeaScore(user: AuthUser, ctx: IdeaContext, meta: Meta): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.ideaScore.findUnique({ where: { ideaId_userId: { ideaId: ctx.idea.id, userId: user.id } }, select: { id: true, impact: true, feasibility: true } });
    if (!before) return false;
    await tx.ideaScore.delete({ where: { id: before.id } });
    await recordAudit(
      {
        actor: user,
        action: "idea.score.remove",
        entityType: "Idea",
        entityId: ctx.idea.id,
        summary: ctx.idea.reference,
        changes: { impact: [before.impact, null], feasibility: [before.feasibility, null] },
        ip: meta.ip,
      },
      tx,
    );
    return true;
  });
}

export async function createIdeaComment(user: AuthUser, ctx: IdeaContext, body: string, meta: Meta): Promise<void> {
  await db.$transaction(async (tx) => {
    const comment = await tx.ideaComment.create({ data: { ideaId: ctx.idea.id, authorId: user.id, body }, select: { id: true } });
    await recordAudit(
      { actor: user, action: "idea.comment.create", entityType: "Idea", entityId: ctx.idea.id, summary: ctx.idea.reference, changes: { commentId: comment.id }, ip: meta.ip },
      tx,
    );
  });
}

type CommentResult = { ok: true } | { ok: false; status: 403 | 404 };

/** The author edits or deletes their own comment (an audited 403 for anybody else's). */
async function ownComment(user: AuthUser, ctx: IdeaContext, commentId: string, action: string, ip?: string): Promise<CommentResult> {
  const comment = await db.ideaComment.findFirst({ where: { id: commentId, ideaId: ctx.idea.id, deletedAt: null }, select: { authorId: true } });
  if (!comment) return { ok: false, status: 404 };
  await authorize(user, comment.authorId === user.id, { action, entityType: "Idea", entityId: ctx.idea.id, ip });
  return { ok: true };
}

export async function updateIdeaComment(user: AuthUser, ctx: IdeaContext, input: { commentId: string; body: string }, meta: Meta): Promise<CommentResult> {
  const own = await ownComment(user, ctx, input.commentId, "idea.comment.update", meta.ip);
  if (!own.ok) return own;
  await db.$transaction(async (tx) => {
    const before = await tx.ideaComment.findUniqueOrThrow({ where: { id: input.commentId }, select: { body: true } });
    if (before.body === input.body) return;
    await tx.ideaComment.update({ where: { id: input.commentId }, data: { body: input.body, editedAt: new Date() } });
    await recordAudit(
      { actor: user, action: "idea.comment.update", entityType: "Idea", entityId: ctx.idea.id, summary: ctx.idea.reference, changes: { commentId: input.commentId, body: [before.body, input.body] }, ip: meta.ip },
      tx,
    );
  });
  return { ok: true };
}

export async function deleteIdeaComment(user: AuthUser, ctx: IdeaContext, commentId: string, meta: Meta): Promise<CommentResult> {
  const own = await ownComment(user, ctx, commentId, "idea.comment.delete", meta.ip);
  if (!own.ok) return own;
  await db.$transaction(async (tx) => {
    // Soft delete: the audit log keeps the text.
    const before = await tx.ideaComment.update({ where: { id: commentId }, data: { deletedAt: new Date() }, select: { body: true } });
    await recordAudit(
      { actor: user, action: "idea.comment.delete", entityType: "Idea", entityId: ctx.idea.id, summary: ctx.idea.reference, changes: { commentId, body: [before.body, null] }, ip: meta.ip },
      tx,
    );
  });
  return { ok: true };
}

// ——— The action ———

/** What each intent needs. */
const REQUIRED: Record<IdeaIntent, IdeaAction> = {
  status: "changeStatus",
  tags: "tag",
  merge: "merge",
  assign: "assign",
  score: "score",
  "score.remove": "score",
  "comment.create": "comment",
  "comment.update": "comment",
  "comment.delete": "comment",
  "link.add": "link",
  "link.remove": "link",
  "task.create": "createTask",
  "team.send": "createTask",
  "contact.erase": "eraseContact",
};

export type IdeaActionData = {
  ok: boolean;
  intent: IdeaIntent | null;
  error: string | null;
  errors: FieldErrors | null;
  /** A change of the idea refused because somebody changed it meanwhile: nothing was written. */
  conflict?: boolean;
  /** What the person had typed (a refused form keeps it). */
  values?: Record<string, string>;
};

async function ok(intent: IdeaIntent, toast: Toast) {
  return data<IdeaActionData>({ ok: true, intent, error: null, errors: null }, { headers: { "Set-Cookie": await toastHeader(toast) } });
}

function failed(status: number, intent: IdeaIntent | null, error: string | null, errors: FieldErrors | null = null, extra: Partial<IdeaActionData> = {}) {
  return data<IdeaActionData>({ ok: false, intent, error, errors, ...extra }, { status });
}

/** The common answer of the commands that change the idea itself. */
function answer(intent: IdeaIntent, result: CommandResult, toast: Toast, values: Record<string, string>) {
  if (result.ok) return ok(intent, toast);
  if (result.status === 409) return failed(409, intent, "ideasInbox.conflict", null, { conflict: true, values });
  if (result.status === 400) return failed(400, intent, null, result.errors, { values });
  return failed(404, intent, "ideasInbox.gone");
}

export async function ideaPageAction(args: ActionFunctionArgs) {
  const user = await requireUser(args.request);
  const { ip } = requestMeta(args.request, args.context);
  const meta = { ip };
  const ideaId = args.params.ideaId ?? "";
  const values = formToObject(await args.request.formData());
  const intent = intentSchema.safeParse(values.intent);
  if (!intent.success) {
    // Still 404 for an idea one cannot see, whatever the form says.
    await requireIdea(user, ideaId, "view", ip);
    return failed(400, null, "validation.invalid");
  }
  const name = intent.data;
  const ctx = await requireIdea(user, ideaId, REQUIRED[name], ip);
  const ref = ctx.idea.reference;

  switch (name) {
    case "status": {
      const parsed = statusSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error), { values });
      const result = await changeIdeaStatus(user, ctx, parsed.data, meta);
      return answer(name, result, { key: "ideasInbox.status.changed", vars: { reference: ref } }, values);
    }
    case "tags": {
      const parsed = tagsSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error), { values });
      const result = await setIdeaTags(user, ctx, parsed.data.tags, parsed.data.version, meta);
      return answer(name, result, { key: "ideasInbox.tags.saved" }, values);
    }
    case "merge": {
      const parsed = mergeSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error), { values });
      const result = await mergeIdea(user, ctx, parsed.data.original, parsed.data.version, meta);
      return answer(name, result, { key: "ideasInbox.merge.done", vars: { reference: ref, original: result.reference ?? "" } }, values);
    }
    case "assign": {
      const parsed = assignSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error), { values });
      const result = await assignIdea(user, ctx, parsed.data.assigneeId, parsed.data.version, meta);
      return answer(name, result, { key: parsed.data.assigneeId ? "ideasInbox.assign.done" : "ideasInbox.assign.cleared" }, values);
    }
    case "score": {
      const parsed = scoreSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error), { values });
      await scoreIdea(user, ctx, parsed.data, meta);
      return ok(name, { key: "ideasInbox.score.saved" });
    }
    case "score.remove": {
      const removed = await removeIdeaScore(user, ctx, meta);
      return removed ? ok(name, { key: "ideasInbox.score.removed" }) : failed(404, name, "ideasInbox.score.none");
    }
    case "comment.create": {
      const parsed = commentCreateSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error), { values });
      await createIdeaComment(user, ctx, parsed.data.body, meta);
      return ok(name, { key: "ideasInbox.comments.created" });
    }
    case "comment.update": {
      const parsed = commentUpdateSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error), { values });
      const result = await updateIdeaComment(user, ctx, parsed.data, meta);
      return result.ok ? ok(name, { key: "ideasInbox.comments.updated" }) : failed(result.status, name, "ideasInbox.comments.gone");
    }
    case "comment.delete": {
      const parsed = commentDeleteSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, "validation.invalid");
      const result = await deleteIdeaComment(user, ctx, parsed.data.commentId, meta);
      return result.ok ? ok(name, { key: "ideasInbox.comments.deleted" }) : failed(result.status, name, "ideasInbox.comments.gone");
    }
    case "link.add": {
      const parsed = linkAddSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error), { values });
      const result = await addIdeaLink(user, ctx, parsed.data, meta);
      return result.ok ? ok(name, { key: "ideasInbox.links.added", vars: { label: result.label } }) : failed(result.status, name, null, result.errors, { values });
    }
    case "link.remove": {
      const parsed = linkRemoveSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, "validation.invalid");
      const removed = await removeIdeaLink(user, ctx, parsed.data.linkId, meta);
      return removed ? ok(name, { key: "ideasInbox.links.removed" }) : failed(404, name, "ideasInbox.links.gone");
    }
    case "task.create":
    case "team.send": {
      const parsed = taskFromIdeaSchema.safeParse(values);
      if (!parsed.success) return failed(400, name, null, fieldErrors(parsed.error), { values });
      const result = await createTaskFromIdea(user, ctx, parsed.data, name === "team.send" ? "send" : "task", meta);
      if (!result.ok) return result.status === 400 ? failed(400, name, null, result.errors, { values }) : failed(404, name, "ideasInbox.gone");
      return ok(name, { key: name === "team.send" ? "ideasInbox.task.sent" : "ideasInbox.task.created", vars: { team: result.teamName } });
    }
    case "contact.erase": {
      const result = await eraseContact(user, ctx, meta);
      return redirectWithToast(ideaUrls.idea(ctx.idea.id), { key: result.erased ? "ideasInbox.contact.erased" : "ideasInbox.contact.nothing", vars: { reference: ref } });
    }
  }
}
