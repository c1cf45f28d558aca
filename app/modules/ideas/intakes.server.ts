// Intake periods (nabory pomysłów) and the public list of what happened to the ideas.
// Commands run in one transaction with their audit entry; lists cost two queries per page.
import type { Prisma } from "~/generated/prisma/client";
import type { IdeaCategory, IdeaStatus } from "~/generated/prisma/enums";
import { pageArgs, pageInfo, type PageInfo } from "~/modules/admin/pagination";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { AuthUser } from "~/modules/auth/session.server";
import { addDays, warsawDate, warsawInstant } from "~/modules/tasks/deadline";
import { visibleWorkspacesWhere } from "~/modules/workspaces/access.server";
import { db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { canManageIntakes } from "./ideas.policy";
import type { IntakeFields } from "./intakes.schema";

type Meta = { ip?: string };

// ——— Dates ———

/** Start of the Warsaw day `date` (YYYY-MM-DD). */
export function opensAtOf(date: string): Date {
  return warsawInstant(date);
}

/** The period closes at the end of its last Warsaw day: stored as the start of the next day. */
export function closesAtOf(date: string | null): Date | null {
  return date ? warsawInstant(addDays(date, 1)) : null;
}

/** The last Warsaw day a period with this `closesAt` is open (for forms and texts). */
export function lastOpenDay(closesAt: Date): string {
  return warsawDate(new Date(closesAt.getTime() - 1));
}

function openAt(now: Date): Prisma.IdeaIntakeWhereInput {
  return { opensAt: { lte: now }, OR: [{ closesAt: null }, { closesAt: { gt: now } }] };
}

export type IntakeState = "open" | "planned" | "closed";

export function intakeState(intake: { opensAt: Date; closesAt: Date | null }, now: Date): IntakeState {
  if (intake.opensAt > now) return "planned";
  if (intake.closesAt && intake.closesAt <= now) return "closed";
  return "open";
}

// ——— Public reads ———

const publicIntakeSelect = { id: true, title: true, intro: true, opensAt: true, closesAt: true, publicList: true } as const;

/** The intake open at `now` (the most recently opened one, should two overlap), or null. */
export async function currentIntake(now = new Date()) {
  return db.ideaIntake.findFirst({ where: openAt(now), orderBy: [{ opensAt: "desc" }, { id: "asc" }], select: publicIntakeSelect });
}

/** The next planned intake, for "the next one opens on …" while none is open. */
export async function nextIntake(now = new Date()) {
  return db.ideaIntake.findFirst({ where: { opensAt: { gt: now } }, orderBy: { opensAt: "asc" }, select: publicIntakeSelect });
}

export const PUBLIC_LIST_STATUSES = ["ACCEPTED", "REJECTED"] as const;
export type PublicListStatus = (typeof PUBLIC_LIST_STATUSES)[number];

/** What the public list shows of an idea. Never contact data (not even whether there is any). */
const publicIdeaSelect = {
  id: true,
  reference: true,
  title: true,
  category: true,
  status: true,
  acceptedFor: true,
  publicReason: true,
  closedAt: true,
  submittedAt: true,
} as const satisfies Prisma.IdeaSelect;

export type PublicIdea = {
  id: string;
  reference: string;
  title: string;
  category: IdeaCategory;
  status: IdeaStatus;
  acceptedFor: string | null;
  publicReason: string | null;
  closedAt: Date | null;
  submittedAt: Date;
};

/**
 * Closed ideas of intakes with a public list: accepted ones (default) or rejected ones with their
 * public reason. Merged duplicates and ideas in the trash are left out. Two queries per page.
 */
export async function listPublicIdeas(status: PublicListStatus, page: number): Promise<{ items: PublicIdea[]; page: PageInfo }> {
  const where: Prisma.IdeaWhereInput = { deletedAt: null, duplicateOfId: null, status, intake: { publicList: true } };
  const [total, items] = await Promise.all([
    db.idea.count({ where }),
    db.idea.findMany({ where, orderBy: [{ closedAt: "desc" }, { submittedAt: "desc" }, { id: "asc" }], ...pageArgs(page), select: publicIdeaSelect }),
  ]);
  return { items, page: pageInfo(page, total) };
}

/** The idea behind a thank-you page (its reference only; 404 for unknown ones). */
export async function findSubmittedReference(reference: string): Promise<string> {
  const idea = await db.idea.findFirst({ where: { reference, deletedAt: null }, select: { reference: true } });
  if (!idea) notFound();
  return idea.reference;
}

// ——— Managing intakes (administrators and coordinators) ———

export async function requireIntakeManager(user: AuthUser, meta: Meta = {}): Promise<void> {
  await authorize(user, canManageIntakes(user), { action: "idea.manageIntakes", entityType: "IdeaIntake", ip: meta.ip });
}

const intakeListSelect = {
  id: true,
  title: true,
  intro: true,
  opensAt: true,
  closesAt: true,
  publicList: true,
  workspaceId: true,
  workspace: { select: { name: true } },
  createdAt: true,
  _count: { select: { ideas: { where: { deletedAt: null } } } },
} as const satisfies Prisma.IdeaIntakeSelect;

export type IntakeRow = Prisma.IdeaIntakeGetPayload<{ select: typeof intakeListSelect }>;

/** All intakes, newest first, with their number of ideas: two queries per page. */
export async function listIntakes(page: number): Promise<{ items: IntakeRow[]; page: PageInfo }> {
  const [total, items] = await Promise.all([
    db.ideaIntake.count(),
    db.ideaIntake.findMany({ orderBy: [{ opensAt: "desc" }, { id: "asc" }], ...pageArgs(page), select: intakeListSelect }),
  ]);
  return { items, page: pageInfo(page, total) };
}

export async function getIntake(id: string) {
  const intake = await db.ideaIntake.findUnique({ where: { id }, select: intakeListSelect });
  if (!intake) notFound();
  return intake;
}

/** Workspaces the actor may designate (the ones they see, not archived). */
export async function intakeWorkspaceOptions(user: AuthUser) {
  return db.workspace.findMany({
    where: { ...visibleWorkspacesWhere(user), archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export type IntakeResult = { ok: true; id: string } | { ok: false; status: 400; errors: FieldErrors };

type Stored = { title: string; intro: string; opensAt: Date; closesAt: Date | null; workspaceId: string | null; publicList: boolean };

function stored(fields: IntakeFields): Stored {
  return {
    title: fields.title,
    intro: fields.intro,
    opensAt: opensAtOf(fields.opensOn!),
    closesAt: closesAtOf(fields.closesOn),
    workspaceId: fields.workspaceId,
    publicList: fields.publicList,
  };
}

/** Field errors for a workspace the actor cannot see, or a period overlapping another one. */
async function check(user: AuthUser, data: Stored, exceptId: string | null): Promise<FieldErrors | null> {
  if (data.workspaceId) {
    const ws = await db.workspace.findFirst({ where: { id: data.workspaceId, archivedAt: null, ...visibleWorkspacesWhere(user) }, select: { id: true } });
    if (!ws) return { workspaceId: "ideasPublic.validation.workspace" };
  }
  // One open period at a time, so the public form always knows where an idea goes.
  const overlapping = await db.ideaIntake.findFirst({
    where: {
      ...(exceptId ? { id: { not: exceptId } } : {}),
      OR: [{ closesAt: null }, { closesAt: { gt: data.opensAt } }],
      ...(data.closesAt ? { opensAt: { lt: data.closesAt } } : {}),
    },
    select: { title: true },
  });
  if (overlapping) return { opensOn: `ideasPublic.validation.overlap|${JSON.stringify({ title: overlapping.title })}` };
  return null;
}

const AUDITED = ["title", "intro", "opensAt", "closesAt", "workspaceId", "publicList"] as const;

export async function createIntake(user: AuthUser, fields: IntakeFields, meta: Meta): Promise<IntakeResult> {
  await requireIntakeManager(user, meta);
  const data = stored(fields);
  const errors = await check(user, data, null);
  if (errors) return { ok: false, status: 400, errors };
  return db.$transaction(async (tx) => {
    const intake = await tx.ideaIntake.create({ data: { ...data, createdById: user.id }, select: { id: true } });
    await recordAudit(
      {
        actor: user,
        action: "idea.intake.create",
        entityType: "IdeaIntake",
        entityId: intake.id,
        summary: data.title,
        changes: diffFields({ title: null, intro: null, opensAt: null, closesAt: null, workspaceId: null, publicList: null } as Record<string, unknown>, data, AUDITED),
        ip: meta.ip,
      },
      tx,
    );
    return { ok: true as const, id: intake.id };
  });
}

export async function updateIntake(user: AuthUser, id: string, fields: IntakeFields, meta: Meta): Promise<IntakeResult> {
  await requireIntakeManager(user, meta);
  const before = await db.ideaIntake.findUnique({ where: { id }, select: { title: true, intro: true, opensAt: true, closesAt: true, workspaceId: true, publicList: true } });
  if (!before) notFound();
  const data = stored(fields);
  // Keeping a workspace one no longer sees is fine; choosing a new one needs seeing it.
  const errors = await check(user, data.workspaceId === before.workspaceId ? { ...data, workspaceId: null } : data, id);
  if (errors) return { ok: false, status: 400, errors };
  const changes = diffFields(before, data, AUDITED);
  if (Object.keys(changes).length === 0) return { ok: true, id };
  return db.$transaction(async (tx) => {
    await tx.ideaIntake.update({ where: { id }, data });
    await recordAudit({ actor: user, action: "idea.intake.update", entityType: "IdeaIntake", entityId: id, summary: data.title, changes, ip: meta.ip }, tx);
    return { ok: true as const, id };
  });
}

/** Closes an open period now (the public form stops accepting ideas at once). */
export async function closeIntake(user: AuthUser, id: string, meta: Meta, now = new Date()): Promise<{ ok: boolean; title: string }> {
  await requireIntakeManager(user, meta);
  const intake = await db.ideaIntake.findUnique({ where: { id }, select: { title: true, opensAt: true, closesAt: true } });
  if (!intake) notFound();
  if (intakeState(intake, now) !== "open") return { ok: false, title: intake.title };
  await db.$transaction(async (tx) => {
    await tx.ideaIntake.update({ where: { id }, data: { closesAt: now } });
    await recordAudit(
      { actor: user, action: "idea.intake.close", entityType: "IdeaIntake", entityId: id, summary: intake.title, changes: { closesAt: [intake.closesAt, now] }, ip: meta.ip },
      tx,
    );
  });
  return { ok: true, title: intake.title };
}
