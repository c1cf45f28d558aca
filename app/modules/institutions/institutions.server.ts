// Institutions: reads for the lists and named commands. Every command authorises with the policy,
// then writes in one transaction together with its audit entry.
import { Prisma } from "~/generated/prisma/client";
import { db, isUniqueViolation } from "~/utils/db.server";
import { diffFields, recordAudit } from "~/modules/audit/audit.server";
import { authorize, notFound } from "~/modules/auth/authorize.server";
import type { RequestMeta } from "~/modules/auth/auth.server";
import type { AuthUser } from "~/modules/auth/session.server";
import type { FieldErrors } from "~/utils/forms";
import { pageArgs, pageInfo } from "~/modules/admin/pagination";
import { canInstitution } from "./institutions.policy";
import { INSTITUTION_FIELDS, type InstitutionInput } from "./institutions.schema";

/** Active partner institutions with their number of active people: one query. */
export async function listInstitutionsWithCounts() {
  return db.institution.findMany({
    where: { deletedAt: null },
    orderBy: { shortName: "asc" },
    select: {
      id: true,
      name: true,
      shortName: true,
      description: true,
      contactEmail: true,
      website: true,
      _count: { select: { users: { where: { deactivatedAt: null } } } },
    },
  });
}

function searchWhere(q: string): Prisma.InstitutionWhereInput {
  return q ? { OR: [{ name: { contains: q } }, { shortName: { contains: q } }] } : {};
}

const listSelect = {
  id: true,
  name: true,
  shortName: true,
  contactEmail: true,
  website: true,
  updatedAt: true,
  deletedAt: true,
  _count: { select: { users: { where: { deactivatedAt: null } } } },
} as const;

/** One page of active institutions (search by name or short name): two queries. */
export async function listInstitutionsPage(query: { q: string; page: number }) {
  const where: Prisma.InstitutionWhereInput = { deletedAt: null, ...searchWhere(query.q) };
  const [total, items] = await Promise.all([
    db.institution.count({ where }),
    db.institution.findMany({ where, orderBy: [{ shortName: "asc" }, { id: "asc" }], select: listSelect, ...pageArgs(query.page) }),
  ]);
  return { items, page: pageInfo(query.page, total) };
}

/** The trash: soft-deleted institutions, most recently deleted first. */
export async function listDeletedInstitutions(query: { q: string; page: number }) {
  const where: Prisma.InstitutionWhereInput = { deletedAt: { not: null }, ...searchWhere(query.q) };
  const [total, items] = await Promise.all([
    db.institution.count({ where }),
    db.institution.findMany({ where, orderBy: [{ deletedAt: "desc" }, { id: "asc" }], select: listSelect, ...pageArgs(query.page) }),
  ]);
  return { items, page: pageInfo(query.page, total) };
}

/** Active institutions for selects (invite form, people filter). */
export async function listInstitutionOptions() {
  return db.institution.findMany({
    where: { deletedAt: null },
    orderBy: { shortName: "asc" },
    select: { id: true, name: true, shortName: true },
  });
}

export async function findActiveInstitution(id: string) {
  return db.institution.findFirst({ where: { id, deletedAt: null } });
}

export type InstitutionCommandResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

const SHORT_NAME_TAKEN: InstitutionCommandResult = { ok: false, errors: { shortName: "admin.institution.shortNameTaken" } };

/** The short name is unique across all institutions, including those in the trash. */
async function shortNameTaken(shortName: string, exceptId?: string): Promise<boolean> {
  const other = await db.institution.findFirst({ where: { shortName, id: exceptId ? { not: exceptId } : undefined }, select: { id: true } });
  return !!other;
}

export async function createInstitution(actor: AuthUser, input: InstitutionInput, meta: RequestMeta): Promise<InstitutionCommandResult> {
  await authorize(actor, canInstitution(actor, "create", null), { action: "institution.create", entityType: "Institution", ip: meta.ip });
  if (await shortNameTaken(input.shortName)) return SHORT_NAME_TAKEN;
  try {
    const created = await db.$transaction(async (tx) => {
      const institution = await tx.institution.create({ data: input });
      await recordAudit(
        {
          actor,
          action: "institution.create",
          entityType: "Institution",
          entityId: institution.id,
          summary: `${institution.shortName} — ${institution.name}`,
          changes: diffFields({} as Partial<InstitutionInput>, input, INSTITUTION_FIELDS),
          ip: meta.ip,
        },
        tx,
      );
      return institution;
    });
    return { ok: true, id: created.id };
  } catch (error) {
    if (isUniqueViolation(error)) return SHORT_NAME_TAKEN;
    throw error;
  }
}

export async function updateInstitution(
  actor: AuthUser,
  id: string,
  input: InstitutionInput,
  meta: RequestMeta,
): Promise<InstitutionCommandResult> {
  const existing = (await findActiveInstitution(id)) ?? notFound();
  await authorize(actor, canInstitution(actor, "update", existing), { action: "institution.update", entityType: "Institution", entityId: id, ip: meta.ip });
  if (input.shortName !== existing.shortName && (await shortNameTaken(input.shortName, id))) return SHORT_NAME_TAKEN;
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.institution.findFirst({ where: { id, deletedAt: null } });
      if (!before) notFound();
      const changes = diffFields(before, input, INSTITUTION_FIELDS);
      if (Object.keys(changes).length === 0) return;
      const after = await tx.institution.update({ where: { id }, data: input });
      await recordAudit(
        { actor, action: "institution.update", entityType: "Institution", entityId: id, summary: after.shortName, changes, ip: meta.ip },
        tx,
      );
    });
    return { ok: true, id };
  } catch (error) {
    if (isUniqueViolation(error)) return SHORT_NAME_TAKEN;
    throw error;
  }
}

/** Soft delete into the trash: people keep their accounts, pending invitations stop working. */
export async function deleteInstitution(actor: AuthUser, id: string, meta: RequestMeta): Promise<{ shortName: string }> {
  const existing = (await findActiveInstitution(id)) ?? notFound();
  await authorize(actor, canInstitution(actor, "delete", existing), { action: "institution.delete", entityType: "Institution", entityId: id, ip: meta.ip });
  await db.$transaction(async (tx) => {
    const deletedAt = new Date();
    const { count } = await tx.institution.updateMany({ where: { id, deletedAt: null }, data: { deletedAt } });
    if (count === 0) notFound();
    await recordAudit(
      {
        actor,
        action: "institution.delete",
        entityType: "Institution",
        entityId: id,
        summary: existing.shortName,
        changes: { deletedAt: [null, deletedAt] },
        ip: meta.ip,
      },
      tx,
    );
  });
  return { shortName: existing.shortName };
}

export async function restoreInstitution(actor: AuthUser, id: string, meta: RequestMeta): Promise<{ shortName: string }> {
  const existing = (await db.institution.findFirst({ where: { id, deletedAt: { not: null } } })) ?? notFound();
  await authorize(actor, canInstitution(actor, "restore", existing), { action: "institution.restore", entityType: "Institution", entityId: id, ip: meta.ip });
  await db.$transaction(async (tx) => {
    const { count } = await tx.institution.updateMany({ where: { id, deletedAt: { not: null } }, data: { deletedAt: null } });
    if (count === 0) notFound();
    await recordAudit(
      {
        actor,
        action: "institution.restore",
        entityType: "Institution",
        entityId: id,
        summary: existing.shortName,
        changes: { deletedAt: [existing.deletedAt, null] },
        ip: meta.ip,
      },
      tx,
    );
  });
  return { shortName: existing.shortName };
}
