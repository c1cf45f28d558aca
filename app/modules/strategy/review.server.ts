// The review workflow of a strategy draft, as for library files (library/review.server.ts):
// Szkic → Do przeglądu (named reviewers, notified) → Zatwierdzony, or back to Szkic (returned with a
// required comment, or withdrawn). Approval (an OWNER or a named reviewer) freezes an APPROVAL
// version of the body as it is then; any later change of the body makes the draft a DRAFT again
// (collab.server.ts, at compaction) while the approved version stays in the history. Every
// transition carries the draft's `version` from the page: a change in between answers 409.
//
// Who asked for the review is the author of the latest "strategy.review.request" audit entry (the
// schema keeps reviewers, not rounds); a return's comment is kept in its audit entry and notification.
import { z } from "zod";
import { recordAudit } from "~/modules/audit/audit.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { reviewerCandidates } from "~/modules/library/review.server";
import { notify } from "~/modules/notifications/notifications.server";
import { db, type Tx } from "~/utils/db.server";
import { formatDateTime } from "~/utils/dates";
import { fieldErrors, type FieldErrors } from "~/utils/forms";
import { loadDraftAccess, type DraftContext } from "./access.server";
import { draftDenial, type DraftAction } from "./strategy.policy";
import { enforceDraft, nameVersion, restoreVersion, snapshot } from "./versions.server";

export const REVIEW_COMMENT_MAX = 2000;
export const REVIEW_NOTE_MAX = 500;
export const MAX_REVIEWERS = 20;
const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;

const idSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const versionField = z.coerce.number({ invalid_type_error: "validation.invalid" }).int().min(1);

const reviewersSchema = z
  .string()
  .default("")
  .transform((v) => [...new Set(v.split(",").map((s) => s.trim()).filter(Boolean))])
  .pipe(
    z
      .array(idSchema)
      .min(1, "strategyVersions.review.reviewersRequired")
      .max(MAX_REVIEWERS, `strategyVersions.review.tooManyReviewers|${JSON.stringify({ max: MAX_REVIEWERS })}`),
  );

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(max))
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null);

export const reviewActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reviewRequest"), version: versionField, reviewers: reviewersSchema, note: optionalText(REVIEW_NOTE_MAX) }),
  z.object({ intent: z.literal("reviewApprove"), version: versionField, comment: optionalText(REVIEW_COMMENT_MAX) }),
  z.object({
    intent: z.literal("reviewReturn"),
    version: versionField,
    comment: z
      .string({ required_error: "strategyVersions.review.commentRequired" })
      .trim()
      .min(1, "strategyVersions.review.commentRequired")
      .max(REVIEW_COMMENT_MAX, tooLong(REVIEW_COMMENT_MAX)),
  }),
  z.object({ intent: z.literal("reviewCancel"), version: versionField, comment: optionalText(REVIEW_COMMENT_MAX) }),
]);

type ReviewInput = z.infer<typeof reviewActionSchema>;
type Meta = { ip?: string };
export type ActionAnswer = { status: number; body: { ok: boolean; error: string | null; errors: FieldErrors | null; message?: string | null; vars?: Record<string, string | number> } };

const answer = (status: number, body: Partial<ActionAnswer["body"]>): ActionAnswer => ({ status, body: { ok: status < 300, error: null, errors: null, ...body } });
const STALE = "strategyVersions.review.changed";
const draftUrl = (ctx: DraftContext) => `/przestrzenie/${ctx.draft.workspaceId}/strategie/${ctx.draft.id}`;

// ---------------------------------------------------------------------------------------------
// Reading

async function reviewersOf(draftId: string) {
  const rows = await db.strategyDraftReviewer.findMany({ where: { draftId }, select: { user: { select: { id: true, name: true } } } });
  return rows.map((r) => r.user).sort((a, b) => a.name.localeCompare(b.name, "pl"));
}

/**
 * The review bar of the editor page: status, reviewers, who asked, the approval (who approved
 * which version and when), the last return's comment, what the user may do, and — for those who
 * may send for review — the candidates. A fixed number of queries.
 */
export async function draftReviewPanel(user: AuthUser, ctx: DraftContext) {
  const draftId = ctx.draft.id;
  const [row, reviewers, lastRequest, lastReturn] = await Promise.all([
    db.strategyDraft.findUniqueOrThrow({
      where: { id: draftId },
      select: { reviewStatus: true, version: true, approvedAt: true, approvedBy: { select: { name: true } }, approvedVersionId: true },
    }),
    reviewersOf(draftId),
    db.auditLog.findFirst({ where: { action: "strategy.review.request", entityId: draftId }, orderBy: { createdAt: "desc" }, select: { createdAt: true, changes: true, actor: { select: { name: true } } } }),
    db.auditLog.findFirst({ where: { action: "strategy.review.return", entityId: draftId }, orderBy: { createdAt: "desc" }, select: { createdAt: true, changes: true, actor: { select: { name: true } } } }),
  ]);
  const approved = row.approvedVersionId
    ? await db.strategyDraftVersion.findUnique({ where: { id: row.approvedVersionId }, select: { number: true, name: true } })
    : null;
  const isReviewer = row.reviewStatus === "IN_REVIEW" && reviewers.some((r) => r.id === user.id);
  const d = { ...ctx.access, status: row.reviewStatus, isReviewer };
  const actions: DraftAction[] = ["nameVersion", "restoreVersion", "requestReview", "cancelReview", "approve", "return"];
  const can = Object.fromEntries(actions.map((a) => [a, draftDenial(user, a, d) === null])) as Record<(typeof actions)[number], boolean>;
  const noteOf = (changes: string | null | undefined, field: string): string | null => {
    try {
      const v = (JSON.parse(changes ?? "{}") as Record<string, unknown[]>)[field];
      return Array.isArray(v) && typeof v[1] === "string" ? v[1] : null;
    } catch {
      return null;
    }
  };
  const returned = lastReturn && (!lastRequest || lastReturn.createdAt >= lastRequest.createdAt) && row.reviewStatus === "DRAFT";
  return {
    status: row.reviewStatus as "DRAFT" | "IN_REVIEW" | "APPROVED",
    version: row.version,
    reviewers: row.reviewStatus === "IN_REVIEW" ? reviewers : [],
    isReviewer,
    request: row.reviewStatus === "IN_REVIEW" && lastRequest ? { by: lastRequest.actor?.name ?? "—", at: lastRequest.createdAt, note: noteOf(lastRequest.changes, "note") } : null,
    approval: approved && row.approvedAt ? { number: approved.number, name: approved.name, by: row.approvedBy?.name ?? "—", at: row.approvedAt } : null,
    returned: returned ? { by: lastReturn.actor?.name ?? "—", at: lastReturn.createdAt, comment: noteOf(lastReturn.changes, "comment") } : null,
    candidates: can.requestReview ? await reviewerCandidates(ctx.draft.workspaceId, user.id) : [],
    can,
  };
}

export type DraftReviewPanel = Awaited<ReturnType<typeof draftReviewPanel>>;

// ---------------------------------------------------------------------------------------------
// Commands

async function audit(tx: Tx, user: AuthUser, ctx: DraftContext, action: string, changes: Record<string, unknown>, meta: Meta) {
  await recordAudit({ actor: user, action, entityType: "StrategyDraft", entityId: ctx.draft.id, summary: ctx.draft.title, changes, ip: meta.ip }, tx);
}

/** "Wyślij do przeglądu": EDITOR+, a DRAFT; the chosen reviewers are notified. */
export async function requestReview(user: AuthUser, ctx: DraftContext, input: Extract<ReviewInput, { intent: "reviewRequest" }>, meta: Meta = {}): Promise<ActionAnswer> {
  if ((await enforceDraft(user, ctx, "requestReview", { ip: meta.ip })) || ctx.draft.version !== input.version) return answer(409, { error: STALE });
  const candidates = new Map((await reviewerCandidates(ctx.draft.workspaceId, user.id)).map((c) => [c.id, c]));
  const chosen = input.reviewers.map((id) => candidates.get(id));
  if (chosen.some((c) => !c)) return answer(400, { errors: { reviewers: "strategyVersions.review.reviewerInvalid" } });
  const reviewers = chosen.map((c) => c!);
  return db.$transaction(async (tx) => {
    const { count } = await tx.strategyDraft.updateMany({
      where: { id: ctx.draft.id, deletedAt: null, reviewStatus: "DRAFT", version: input.version },
      data: { reviewStatus: "IN_REVIEW", version: { increment: 1 } },
    });
    if (count === 0) return answer(409, { error: STALE });
    await tx.strategyDraftReviewer.deleteMany({ where: { draftId: ctx.draft.id } });
    await tx.strategyDraftReviewer.createMany({ data: reviewers.map((r) => ({ draftId: ctx.draft.id, userId: r.id })) });
    await audit(tx, user, ctx, "strategy.review.request", {
      reviewStatus: ["DRAFT", "IN_REVIEW"],
      reviewers: [null, reviewers.map((r) => r.name).join(", ")],
      ...(input.note ? { note: [null, input.note] } : {}),
    }, meta);
    await notify(
      {
        userIds: reviewers.map((r) => r.id),
        kind: "review.requested",
        actorId: user.id,
        title: "strategyVersions.notify.reviewRequested",
        data: { name: user.name, document: ctx.draft.title },
        url: draftUrl(ctx),
        entityType: "StrategyDraft",
        entityId: ctx.draft.id,
      },
      tx,
    );
    return answer(200, { message: "strategyVersions.review.requested", vars: { count: reviewers.length } });
  });
}

type Decision = "reviewApprove" | "reviewReturn" | "reviewCancel";
const DECISION: Record<Decision, { action: DraftAction; audit: string; status: "APPROVED" | "DRAFT"; kind: string; title: string; message: string }> = {
  reviewApprove: { action: "approve", audit: "strategy.review.approve", status: "APPROVED", kind: "review.approved", title: "strategyVersions.notify.reviewApproved", message: "strategyVersions.review.approved" },
  reviewReturn: { action: "return", audit: "strategy.review.return", status: "DRAFT", kind: "review.returned", title: "strategyVersions.notify.reviewReturned", message: "strategyVersions.review.returned" },
  reviewCancel: { action: "cancelReview", audit: "strategy.review.cancel", status: "DRAFT", kind: "review.cancelled", title: "strategyVersions.notify.reviewCancelled", message: "strategyVersions.review.cancelled" },
};

/** Approve (freezing an APPROVAL version), return (comment required) or withdraw, in one transaction. */
export async function decideReview(user: AuthUser, ctx: DraftContext, input: Extract<ReviewInput, { intent: Decision }>, meta: Meta = {}): Promise<ActionAnswer> {
  const rule = DECISION[input.intent];
  const reviewers = await reviewersOf(ctx.draft.id);
  const isReviewer = ctx.draft.reviewStatus === "IN_REVIEW" && reviewers.some((r) => r.id === user.id);
  if ((await enforceDraft(user, ctx, rule.action, { isReviewer, ip: meta.ip })) || ctx.draft.version !== input.version) return answer(409, { error: STALE });
  const requester = await db.auditLog.findFirst({ where: { action: "strategy.review.request", entityId: ctx.draft.id }, orderBy: { createdAt: "desc" }, select: { actorId: true } });
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.strategyDraft.updateMany({
      where: { id: ctx.draft.id, deletedAt: null, reviewStatus: "IN_REVIEW", version: input.version },
      data: { reviewStatus: rule.status, version: { increment: 1 } },
    });
    if (count === 0) return answer(409, { error: STALE });
    let frozen: { id: string; number: number } | null = null;
    if (input.intent === "reviewApprove") {
      // The approved text, frozen: "Zatwierdzona — 24.11.2026" (Warsaw date).
      frozen = await snapshot(ctx.draft.id, { kind: "APPROVAL", name: `Zatwierdzona — ${formatDateTime(now, "pl").split(",")[0]}`, userId: user.id, skipIfSame: false }, tx);
      if (!frozen) return answer(409, { error: STALE });
      await tx.strategyDraft.update({ where: { id: ctx.draft.id }, data: { approvedVersionId: frozen.id, approvedById: user.id, approvedAt: now } });
    }
    await audit(tx, user, ctx, rule.audit, {
      reviewStatus: ["IN_REVIEW", rule.status],
      ...(frozen ? { approvedVersion: [null, frozen.number] } : {}),
      ...(input.comment ? { comment: [null, input.comment] } : {}),
    }, meta);
    const recipients = input.intent === "reviewCancel" ? [...reviewers.map((r) => r.id), requester?.actorId ?? ""] : [requester?.actorId ?? ""];
    await notify(
      {
        userIds: recipients.filter(Boolean),
        kind: rule.kind,
        actorId: user.id,
        title: rule.title,
        data: { name: user.name, document: ctx.draft.title, ...(frozen ? { number: frozen.number } : {}) },
        url: draftUrl(ctx),
        entityType: "StrategyDraft",
        entityId: ctx.draft.id,
      },
      tx,
    );
    return answer(200, { message: rule.message, vars: frozen ? { number: frozen.number } : {} });
  });
}

// ---------------------------------------------------------------------------------------------
// The editor page's action: intents starting with "review" or "version".

export function isDraftVersionIntent(intent: unknown): boolean {
  return typeof intent === "string" && (intent.startsWith("review") || intent.startsWith("version"));
}

/**
 * Dispatches versionName, versionRestore, reviewRequest, reviewApprove, reviewReturn, reviewCancel.
 * 404 when the draft is invisible (thrown), 403 audited, 409 stale, 400 with field errors.
 */
export async function draftVersionAction(user: AuthUser, workspaceId: string, draftId: string, form: Record<string, string>, meta: Meta = {}): Promise<ActionAnswer> {
  const ctx = await loadDraftAccess(user, draftId, { workspaceId });
  if (form.intent === "versionName") {
    const result = await nameVersion(user, ctx, form, meta);
    return result.ok ? answer(200, { message: "strategyVersions.version.saved", vars: { number: result.value.number, name: result.value.name } }) : answer(result.status, { errors: result.errors });
  }
  if (form.intent === "versionRestore") {
    const number = Number(form.number);
    if (!Number.isInteger(number) || number < 1) {
      await enforceDraft(user, ctx, "restoreVersion", meta);
      return answer(400, { error: "validation.invalid" });
    }
    const result = await restoreVersion(user, ctx, number, meta);
    return result.ok ? answer(200, { message: "strategyVersions.version.restored", vars: { number } }) : answer(result.status, { errors: result.errors });
  }
  const parsed = reviewActionSchema.safeParse(form);
  if (!parsed.success) {
    const action = ({ reviewRequest: "requestReview", reviewApprove: "approve", reviewReturn: "return", reviewCancel: "cancelReview" } as Record<string, DraftAction>)[form.intent ?? ""];
    if (!action) return answer(400, { error: "validation.invalid" });
    // Rights before details: a VIEWER gets 403 whatever they typed.
    const reviewers = action === "approve" || action === "return" ? await reviewersOf(draftId) : [];
    if (await enforceDraft(user, ctx, action, { isReviewer: reviewers.some((r) => r.id === user.id), ip: meta.ip })) return answer(409, { error: STALE });
    const errors = fieldErrors(parsed.error);
    return answer(400, { errors, error: errors.version ? STALE : null });
  }
  const input = parsed.data;
  if (input.intent === "reviewRequest") return requestReview(user, ctx, input, meta);
  return decideReview(user, ctx, input, meta);
}
