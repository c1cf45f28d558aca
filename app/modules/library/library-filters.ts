// The folder view's filters: by type (a group of MIME types, from file-types.ts), by author and
// by review status. Pure: the page uses the lists for its selects, the server builds its `where`.
import type { Prisma } from "~/generated/prisma/client";
import type { DocumentStatus } from "~/generated/prisma/enums";
import { FILE_TYPES, type FileKind } from "./file-types";

/** The type groups offered, in the order shown; "other" is anything none of them has. */
export const TYPE_FILTERS = ["pdf", "word", "spreadsheet", "presentation", "image", "text", "archive", "other"] as const satisfies readonly (FileKind | "other")[];
export type TypeFilter = (typeof TYPE_FILTERS)[number];

export const STATUS_FILTERS = ["DRAFT", "IN_REVIEW", "APPROVED"] as const satisfies readonly DocumentStatus[];

export type FolderFilters = { type: TypeFilter | null; author: string | null; status: DocumentStatus | null };

export const NO_FILTERS: FolderFilters = { type: null, author: null, status: null };

/** Every MIME type the library knows, once. */
const KNOWN_MIMES: string[] = [...new Set(Object.values(FILE_TYPES).map((t) => t.mime))];

/** The MIME types of a group ("word" → DOCX, ODT, DOC). */
export function mimeTypesOf(kind: FileKind): string[] {
  return [
    ...new Set(
      Object.values(FILE_TYPES)
        .filter((t) => t.kind === kind)
        .map((t) => t.mime)
    ),
  ];
}

export function hasFilters(filters: FolderFilters): boolean {
  return filters.type !== null || filters.author !== null || filters.status !== null;
}

/** The filters as a Prisma condition on Document (each one backed by an index with the folder). */
export function documentFilterWhere(filters: FolderFilters): Prisma.DocumentWhereInput {
  const where: Prisma.DocumentWhereInput = {};
  if (filters.type === "other") where.mimeType = { notIn: KNOWN_MIMES };
  else if (filters.type) where.mimeType = { in: mimeTypesOf(filters.type) };
  if (filters.author) where.createdById = filters.author;
  if (filters.status) where.status = filters.status;
  return where;
}
