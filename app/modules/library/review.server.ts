// The review workflow of a document: Szkic → Do przeglądu (with named reviewers) → Zatwierdzony,
// or back to Szkic (returned with a required comment, or cancelled). One DocumentReview row per
// round; the open one (outcome null) is the current review, an APPROVED one says who approved
// which version and when — it stays visible after the file moves on to a new draft.
//
// A new version (upload or restore) while the document is IN_REVIEW cancels the open review: the
// reviewers would otherwise approve content that is no longer current, and refusing the upload
// would block the authors until someone cancels by hand. The review is closed with an automatic
// note ("cancelled: version N was added"), the status goes back to DRAFT, the reviewers and the
// requester are notified, and the author sends the new version for review when it is ready.
// A new version of an APPROVED document likewise makes it a DRAFT; the approval stays on record.
import { z } from "zod";
import type { ReviewOutcome, WorkspaceRole } from "~/generated/prisma/enums";
import { db, type Tx } from "~/utils/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { notify } from "~/modules/notifications/notifications.server";
import { strongerRole } from "~/modules/workspaces/workspaces.policy";
import { libraryUrls } from "./library-urls";
import { noteSchema } from "./library.schema";
import type { CommandResult, Library } from "./library.server";
import { documentState, enforceDocument, refusal, type DocumentState } from "./lock.server";

export const REVIEW_COMMENT_MAX = 2000;
export const MAX_REVIEWERS = 20;
const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;

// ---------------------------------------------------------------------------------------------
// Input

const idSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

/** Reviewers as sent by the form: one field with comma-separated ids (Mantine's MultiSelect), or repeated fields joined. */
const reviewersSchema = z
  .string()
  .default("")
  .transform((v) => [...new Set(v.split(",").map((s) => s.trim()).filter(Boolean))])
  .pipe(
    z
      .array(idSchema)
      .min(1, "library.review.reviewersRequired")
      .max(MAX_REVIEWERS, `library.review.tooManyReviewers|${JSON.stringify({ max: MAX_REVIEWERS })}`),
  );

const optionalComment = z
  .string()
  .trim()
  .max(REVIEW_COMMENT_MAX, tooLong(REVIEW_COMMENT_MAX))
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null);

const requiredComment = z
  .string({ required_error: "library.review.commentRequired" })
  .trim()
  .min(1, "library.review.commentRequired")
  .max(REVIEW_COMMENT_MAX, tooLong(REVIEW_COMMENT_MAX));

export const documentActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("requestReview"), reviewers: reviewersSchema, note: noteSchema }),
  z.object({ intent: z.literal("cancelReview"), comment: optionalComment }),
  z.object({ intent: z.literal("approve"), comment: optionalComment }),
  z.object({ intent: z.literal("return"), comment: requiredComment }),
  z.object({ intent: z.literal("lock") }),
  z.object({ intent: z.literal("unlock") }),
]);

export type DocumentActionInput = z.infer<typeof documentActionSchema>;
export const DOCUMENT_INTENTS = new Set<string>(["requestReview", "cancelReview", "approve", "return", "lock", "unlock"]);

// ---------------------------------------------------------------------------------------------
// Notes stored in DocumentReview.comment for cancellations. A cancelled round is stored as
// RETURNED (the outcome enum has no third value) with a comment in a machine form, read back by
// `readReviewComment`, so the page can say "cancelled" in the reader's language.

const CANCELLED = "library.review.cancelledNote";
const AUTO_CANCELLED = "library.review.autoCancelledNote";

export type ReviewEnd =
  | { kind: "APPROVED"; comment: string | null }
  | { kind: "RETURNED"; comment: string | null }
  | { kind: "CANCELLED"; comment: string | null; byVersion: number | null };

export function readReviewComment(outcome: ReviewOutcome, comment: string | null): ReviewEnd {
  if (outcome === "RETURNED" && comment) {
    for (const prefix of [CANCELLED, AUTO_CANCELLED]) {
      if (comment !== prefix && !comment.startsWith(`${prefix}|`)) continue;
      let vars: { reason?: unknown; number?: unknown } = {};
      try {
        vars = comment.length > prefix.length ? (JSON.parse(comment.slice(prefix.length + 1)) as typeof vars) : {};
      } catch {
        /* a person's comment that happens to start like ours: shown as it is below */
        break;
      }
      return {
        kind: "CANCELLED",
        comment: typeof vars.reason === "string" ? vars.reason : null,
        byVersion: typeof vars.number === "number" ? vars.number : null,
      };
    }
  }
  return outcome === "APPROVED" ? { kind: "APPROVED", comment } : { kind: "RETURNED", comment };
}

const cancelledNote = (reason: string | null) => (reason ? `${CANCELLED}|${JSON.stringify({ reason })}` : CANCELLED);
const autoCancelledNote = (number: number) => `${AUTO_CANCELLED}|${JSON.stringify({ number })}`;

// ---------------------------------------------------------------------------------------------
// Queries

export type ReviewerCandidate = { id: string; name: string; institution: string | null; role: WorkspaceRole };

/**
 * People who may review in this workspace: everyone who can see it (direct members and the
 * current people of member institutions, any role — VIEWERs review too), active accounts only,
 * without `exceptUserId` (one does not review one's own request). Two queries.
 */
export async function reviewerCandidates(workspaceId: string, exceptUserId: string): Promise<ReviewerCandidate[]> {
  const ws = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: {
      members: { select: { role: true, user: { select: { id: true, name: true, deactivatedAt: true, institutionId: true, institution: { select: { shortName: true } } } } } },
      institutions: { where: { institution: { deletedAt: null } }, select: { institutionId: true, role: true } },
    },
  });
  if (!ws) return [];
  const institutionRole = new Map(ws.institutions.map((i) => [i.institutionId, i.role]));
  const people = institutionRole.size
    ? await db.user.findMany({
        where: { institutionId: { in: [...institutionRole.keys()] }, deactivatedAt: null },
        select: { id: true, name: true, institutionId: true, institution: { select: { shortName: true } } },
      })
    : [];
  const out = new Map<string, ReviewerCandidate>();
  for (const p of people) {
    out.set(p.id, { id: p.id, name: p.name, institution: p.institution?.shortName ?? null, role: institutionRole.get(p.institutionId ?? "")! });
  }
  for (const m of ws.members) {
    if (m.user.deactivatedAt) continue;
    const viaInstitution = m.user.institutionId ? institutionRole.get(m.user.institutionId) : undefined;
    out.set(m.user.id, { id: m.user.id, name: m.user.name, institution: m.user.institution?.shortName ?? null, role: strongerRole(m.role, viaInstitution) ?? m.role });
  }
  out.delete(exceptUserId);
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, "pl") || a.id.localeCompare(b.id));
}

export const REVIEW_HISTORY_SIZE = 20;

/** The open review, the last approval, and the latest rounds (newest first): two queries. */
export async function getReviewInfo(documentId: string) {
  const select = {
    id: true,
    version: true,
    requestedAt: true,
    note: true,
    outcome: true,
    decidedAt: true,
    comment: true,
    requestedBy: { select: { id: true, name: true } },
    decidedBy: { select: { name: true } },
    reviewers: { select: { user: { select: { id: true, name: true } } } },
  } as const;
  const [rounds, approval] = await Promise.all([
    db.documentReview.findMany({ where: { documentId }, orderBy: [{ requestedAt: "desc" }, { id: "desc" }], take: REVIEW_HISTORY_SIZE, select }),
    db.documentReview.findFirst({
      where: { documentId, outcome: "APPROVED" },
      orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
      select: { version: true, decidedAt: true, comment: true, decidedBy: { select: { name: true } } },
    }),
  ]);
  const reviewersOf = (r: (typeof rounds)[number]) => r.reviewers.map((x) => ({ id: x.user.id, name: x.user.name })).sort((a, b) => a.name.localeCompare(b.name, "pl"));
  const open = rounds.find((r) => r.outcome === null) ?? null;
  return {
    open: open
      ? { id: open.id, version: open.version, requestedAt: open.requestedAt, requestedBy: open.requestedBy.name, requestedById: open.requestedBy.id, note: open.note, reviewers: reviewersOf(open) }
      : null,
    approval: approval ? { version: approval.version, decidedAt: approval.decidedAt ?? new Date(0), decidedBy: approval.decidedBy?.name ?? "—", comment: approval.comment } : null,
    history: rounds
      .filter((r) => r.outcome !== null)
      .map((r) => ({
        id: r.id,
        version: r.version,
        requestedAt: r.requestedAt,
        requestedBy: r.requestedBy.name,
        note: r.note,
        reviewers: reviewersOf(r).map((x) => x.name),
        decidedAt: r.decidedAt,
        decidedBy: r.decidedBy?.name ?? "—",
        ...readReviewComment(r.outcome!, r.comment),
      })),
  };
}

export type ReviewInfo = Awaited<ReturnType<typeof getReviewInfo>>;

// ---------------------------------------------------------------------------------------------
// Commands

const stale = (name: string) => refusal(409, "library.review.changed", { name });

function audit(lib: Library, tx: Tx, entry: { action: string; entityId: string; summary: string; changes: Record<string, unknown> }) {
  return recordAudit({ actor: lib.user, ip: lib.ip, entityType: "Document", ...entry }, tx);
}

const fileUrl = (lib: Library, documentId: string) => libraryUrls.file(lib.workspaceId, documentId);

/** "Wyślij do przeglądu": the current version goes to the chosen reviewers, who are notified. */
export async function requestReview(lib: Library, documentId: string, input: { reviewerIds: string[]; note: string | null }): Promise<CommandResult<{ name: string; count: number }>> {
  const state = await documentState(lib.workspaceId, documentId);
  const refused = await enforceDocument(lib, state, "requestReview");
  if (refused) return refused;
  const candidates = new Map((await reviewerCandidates(lib.workspaceId, lib.user.id)).map((c) => [c.id, c]));
  const chosen = input.reviewerIds.map((id) => candidates.get(id));
  if (chosen.some((c) => !c)) return refusal(400, "library.review.reviewerInvalid");
  const reviewers = chosen as ReviewerCandidate[];
  return db.$transaction(async (tx) => {
    const { count } = await tx.document.updateMany({
      where: { id: state.id, deletedAt: null, status: "DRAFT", currentVersion: state.currentVersion, OR: [{ lockedById: null }, { lockedById: lib.user.id }] },
      data: { status: "IN_REVIEW" },
    });
    if (count === 0) return stale(state.name);
    await tx.documentReview.create({
      data: {
        documentId: state.id,
        version: state.currentVersion,
        requestedById: lib.user.id,
        note: input.note,
        reviewers: { create: reviewers.map((r) => ({ userId: r.id })) },
      },
    });
    await audit(lib, tx, {
      action: "library.document.review.request",
      entityId: state.id,
      summary: `${state.name} — v${state.currentVersion}`,
      changes: {
        status: ["DRAFT", "IN_REVIEW"],
        version: [null, state.currentVersion],
        reviewers: [null, reviewers.map((r) => r.name).join(", ")],
        ...(input.note ? { note: [null, input.note] } : {}),
      },
    });
    await notify(
      {
        userIds: reviewers.map((r) => r.id),
        kind: "review.requested",
        actorId: lib.user.id,
        title: "library.notify.reviewRequested",
        data: { name: lib.user.name, document: state.name, number: state.currentVersion },
        url: fileUrl(lib, state.id),
        entityType: "Document",
        entityId: state.id,
      },
      tx,
    );
    return { ok: true as const, name: state.name, count: reviewers.length };
  });
}

type Decision = "approve" | "return" | "cancelReview";

/** Approve, return or cancel: closes the open review and sets the status, in one transaction. */
async function decide(lib: Library, documentId: string, decision: Decision, comment: string | null): Promise<CommandResult<{ name: string; number: number }>> {
  const state = await documentState(lib.workspaceId, documentId);
  const refused = await enforceDocument(lib, state, decision);
  if (refused) return refused;
  const open = state.reviews[0] ?? null;
  const version = open?.version ?? state.currentVersion;
  const outcome: ReviewOutcome = decision === "approve" ? "APPROVED" : "RETURNED";
  const status = decision === "approve" ? "APPROVED" : "DRAFT";
  const stored = decision === "cancelReview" ? cancelledNote(comment) : comment;
  return db.$transaction(async (tx) => {
    // Approval applies to exactly the reviewed version: a newer one would have cancelled the review.
    const { count } = await tx.document.updateMany({
      where: { id: state.id, deletedAt: null, status: "IN_REVIEW", currentVersion: version },
      data: { status },
    });
    if (count === 0) return stale(state.name);
    const now = new Date();
    if (open) {
      const closed = await tx.documentReview.updateMany({ where: { id: open.id, outcome: null }, data: { outcome, decidedById: lib.user.id, decidedAt: now, comment: stored } });
      if (closed.count === 0) return stale(state.name);
    } else {
      // In review without a round on record (e.g. imported data): the decision gets one.
      await tx.documentReview.create({ data: { documentId: state.id, version, requestedById: lib.user.id, requestedAt: now, outcome, decidedById: lib.user.id, decidedAt: now, comment: stored } });
    }
    const action = decision === "approve" ? "library.document.review.approve" : decision === "return" ? "library.document.review.return" : "library.document.review.cancel";
    await audit(lib, tx, {
      action,
      entityId: state.id,
      summary: `${state.name} — v${version}`,
      changes: { status: ["IN_REVIEW", status], version: [null, version], ...(comment ? { comment: [null, comment] } : {}) },
    });
    await notifyDecision(tx, lib, state, open, decision, version);
    return { ok: true as const, name: state.name, number: version };
  });
}

async function notifyDecision(tx: Tx, lib: Library, state: DocumentState, open: DocumentState["reviews"][number] | null, decision: Decision, version: number) {
  if (!open) return;
  const common = { actorId: lib.user.id, data: { name: lib.user.name, document: state.name, number: version }, url: fileUrl(lib, state.id), entityType: "Document", entityId: state.id };
  if (decision === "cancelReview") {
    // The reviewers can stop reading; the requester learns when someone else withdrew it.
    await notify({ ...common, userIds: [...open.reviewers.map((r) => r.userId), open.requestedById], kind: "review.cancelled", title: "library.notify.reviewCancelled" }, tx);
    return;
  }
  await notify(
    {
      ...common,
      userIds: [open.requestedById],
      kind: decision === "approve" ? "review.approved" : "review.returned",
      title: decision === "approve" ? "library.notify.reviewApproved" : "library.notify.reviewReturned",
    },
    tx,
  );
}

/** "Zatwierdź": by an OWNER or a named reviewer; the reviewed version becomes the approved one. */
export function approveReview(lib: Library, documentId: string, comment: string | null) {
  return decide(lib, documentId, "approve", comment);
}

/** "Zwróć do poprawy": back to draft, with a comment saying what to change (required). */
export function returnReview(lib: Library, documentId: string, comment: string) {
  return decide(lib, documentId, "return", comment);
}

/** "Wycofaj z przeglądu": EDITOR+ takes the document back to draft (optional reason). */
export function cancelReview(lib: Library, documentId: string, reason: string | null) {
  return decide(lib, documentId, "cancelReview", reason);
}

/**
 * Part of adding a version (upload or restore), in its transaction, after the document row got
 * the new version and status DRAFT: closes the open review (see the top of this file).
 */
export async function cancelReviewForNewVersionTx(tx: Tx, lib: Library, doc: { id: string; name: string }, number: number): Promise<void> {
  const open = await tx.documentReview.findFirst({
    where: { documentId: doc.id, outcome: null },
    orderBy: { requestedAt: "desc" },
    select: { id: true, version: true, requestedById: true, reviewers: { select: { userId: true } } },
  });
  if (open) {
    await tx.documentReview.updateMany({
      where: { documentId: doc.id, outcome: null },
      data: { outcome: "RETURNED", decidedById: lib.user.id, decidedAt: new Date(), comment: autoCancelledNote(number) },
    });
  }
  await audit(lib, tx, {
    action: "library.document.review.cancel",
    entityId: doc.id,
    summary: `${doc.name} — v${open?.version ?? number - 1} → v${number}`,
    changes: { status: ["IN_REVIEW", "DRAFT"], version: [open?.version ?? null, null], currentVersion: [number - 1, number] },
  });
  if (open) {
    await notify(
      {
        userIds: [...open.reviewers.map((r) => r.userId), open.requestedById],
        kind: "review.cancelled",
        actorId: lib.user.id,
        title: "library.notify.reviewCancelledByVersion",
        data: { name: lib.user.name, document: doc.name, number },
        url: fileUrl(lib, doc.id),
        entityType: "Document",
        entityId: doc.id,
      },
      tx,
    );
  }
}
