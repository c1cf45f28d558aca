import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/utils/db.server";
import type { AuditFilter } from "./audit-filters";

export type AuditActor = {
  id: string;
  email: string;
  institutionId: string | null;
} | null;

export type AuditEntry = {
  actor: AuditActor;
  /** Who it was when there is no account, e.g. the e-mail typed in a failed sign-in. */
  actorLabel?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  summary?: string;
  changes?: Record<string, unknown>;
  ip?: string | null;
};

/** Writes one audit row; pass the transaction so the entry commits with the change it records. */
export async function recordAudit(entry: AuditEntry, client: Tx | typeof db = db): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorLabel: entry.actor?.email ?? entry.actorLabel ?? null,
      actorInstitutionId: entry.actor?.institutionId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      summary: entry.summary ?? "",
      changes: entry.changes ? JSON.stringify(entry.changes) : null,
      ip: entry.ip ?? null,
    },
  });
}

/** `{ field: [before, after] }` for the fields that actually changed. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T)[],
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    // An empty text and "nothing" are the same to a reader of the log.
    const a = before[field] === "" ? null : (before[field] ?? null);
    const b = after[field] === "" ? null : (after[field] ?? null);
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    if (!same) out[String(field)] = [a, b];
  }
  return out;
}

export type { AuditFilter } from "./audit-filters";

export function auditWhere(filter: AuditFilter): Prisma.AuditLogWhereInput {
  return {
    actorId: filter.actorId || undefined,
    actorInstitutionId: filter.institutionId || undefined,
    entityType: filter.entityType || undefined,
    action: filter.action ? filter.action : filter.actionPrefix ? { startsWith: filter.actionPrefix } : undefined,
    createdAt: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
  };
}

const listSelect = {
  id: true,
  createdAt: true,
  actorId: true,
  actorLabel: true,
  action: true,
  entityType: true,
  entityId: true,
  summary: true,
  changes: true,
  ip: true,
  actor: { select: { name: true } },
  actorInstitution: { select: { shortName: true } },
} as const satisfies Prisma.AuditLogSelect;

export type AuditListEntry = Prisma.AuditLogGetPayload<{ select: typeof listSelect }>;

/** One page of entries plus the total: two queries whatever the page size. */
export async function listAuditEntries(filter: AuditFilter, page: number, pageSize: number) {
  const where = auditWhere(filter);
  const [total, entries] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: listSelect,
    }),
  ]);
  return { total, entries };
}

/** Streams matching entries in batches so an export of a long log keeps memory flat. */
export async function* iterateAuditEntries(filter: AuditFilter, batchSize = 500) {
  const where = auditWhere(filter);
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: batchSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: listSelect,
    });
    if (batch.length === 0) return;
    yield batch;
    if (batch.length < batchSize) return;
    cursor = batch[batch.length - 1].id;
  }
}

/** Bound on the "who" list: a select with thousands of people helps nobody; the URL still filters. */
export const ACTOR_OPTIONS_LIMIT = 500;

/**
 * Choices for the filter selects: people (name + e-mail, bounded) and institutions (including
 * deleted ones, which still appear in old entries). The selected person is always included.
 */
export async function listAuditFilterOptions(selectedActorId?: string) {
  const userSelect = { id: true, name: true, email: true, deactivatedAt: true } as const;
  const [users, selected, institutions] = await Promise.all([
    db.user.findMany({ select: userSelect, orderBy: [{ name: "asc" }, { email: "asc" }], take: ACTOR_OPTIONS_LIMIT }),
    selectedActorId ? db.user.findMany({ where: { id: selectedActorId }, select: userSelect }) : Promise.resolve([]),
    db.institution.findMany({ select: { id: true, shortName: true, name: true, deletedAt: true }, orderBy: { shortName: "asc" } }),
  ]);
  const actors = selected.length && !users.some((u) => u.id === selected[0].id) ? [...selected, ...users] : users;
  return {
    actors: actors.map((u) => ({ id: u.id, name: u.name, email: u.email, deactivated: !!u.deactivatedAt })),
    institutions: institutions.map((i) => ({ id: i.id, shortName: i.shortName, name: i.name, deleted: !!i.deletedAt })),
    actorsTruncated: users.length >= ACTOR_OPTIONS_LIMIT,
  };
}
