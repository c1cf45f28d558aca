// The folder view's queries with its filters: one page of a folder's files filtered by type,
// author and review status (each filter index-backed together with the folder, see the Document
// model), and the people who have files in the workspace (for the author filter). Both scope to
// the workspace in the query; callers authorise first (requireLibrary).
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { documentFilterWhere, type FolderFilters } from "./library-filters";
import { compareNames } from "./library-tree";
import type { ListQuery } from "./library.schema";
import { LIST_PAGE_SIZE } from "./library.server";

const documentListSelect = {
  id: true,
  name: true,
  mimeType: true,
  size: true,
  status: true,
  currentVersion: true,
  updatedAt: true,
  createdBy: { select: { name: true } },
  lockedById: true,
  lockedAt: true,
  lockedBy: { select: { name: true } },
} as const satisfies Prisma.DocumentSelect;

function documentOrder(query: ListQuery): Prisma.DocumentOrderByWithRelationInput[] {
  const field = query.sort === "name" ? "nameKey" : query.sort === "updated" ? "updatedAt" : "size";
  return [{ [field]: query.dir }, { id: "asc" }];
}

/** One page of a folder's live files matching the filters, sorted: two queries (count, page). */
export async function listFolderPage(workspaceId: string, folderId: string | null, query: ListQuery, filters: FolderFilters) {
  const where: Prisma.DocumentWhereInput = { ...documentFilterWhere(filters), workspaceId, folderId, deletedAt: null };
  const [total, rows] = await Promise.all([
    db.document.count({ where }),
    db.document.findMany({
      where,
      orderBy: documentOrder(query),
      select: documentListSelect,
      skip: (query.page - 1) * LIST_PAGE_SIZE,
      take: LIST_PAGE_SIZE,
    }),
  ]);
  return { total, rows: rows.map((r) => ({ ...r, size: Number(r.size) })) };
}

/**
 * Everyone who added a live file anywhere in the workspace, by name: one query (index:
 * workspaceId, deletedAt, createdById). Accounts deactivated since keep their files, so they stay.
 */
export async function listDocumentAuthors(workspaceId: string): Promise<{ id: string; name: string }[]> {
  const people = await db.user.findMany({
    where: { documentsCreated: { some: { workspaceId, deletedAt: null } } },
    select: { id: true, name: true },
  });
  return people.sort((a, b) => compareNames(a.name, b.name) || a.id.localeCompare(b.id));
}
