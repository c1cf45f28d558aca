import type { Prisma } from "~/generated/prisma/client";
import { db, type Tx } from "~/utils/db.server";

export type AuditActor = {
  id: string;
  email: string;
  institutionId: string | null;
} | null;

export type AuditEntry = {
  actor: AuditActor;
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
      actorLabel: entry.actor?.email ?? null,
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
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    if (!same) out[String(field)] = [a, b];
  }
  return out;
}

export type AuditFilter = {
  actorId?: string;
  institutionId?: string;
  entityType?: string;
  action?: string;
  from?: Date;
  to?: Date;
};

export function auditWhere(filter: AuditFilter): Prisma.AuditLogWhereInput {
  return {
    actorId: filter.actorId || undefined,
    actorInstitutionId: filter.institutionId || undefined,
    entityType: filter.entityType || undefined,
    action: filter.action ? { startsWith: filter.action } : undefined,
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
} as const;

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
