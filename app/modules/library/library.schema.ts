import { z } from "zod";
import { STATUS_FILTERS, TYPE_FILTERS, type FolderFilters } from "./library-filters";

// Messages are translation keys ("key|{vars}"), translated next to the field.
const tooLong = (max: number) => `validation.tooLong|${JSON.stringify({ max })}`;

export const NAME_MAX = 200;
export const NOTE_MAX = 500;

// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

/** NFC, no control characters, single spaces, trimmed. */
export function normalizeName(raw: string): string {
  return raw.normalize("NFC").replace(CONTROL_CHARS, "").replace(/\s+/g, " ").trim();
}

/** A browser-sent file name: some send a path ("C:\\fakepath\\x.pdf"); only the last part counts. */
export function cleanUploadName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const name = normalizeName(base);
  if (name === "." || name === "..") return "";
  return name.slice(0, NAME_MAX);
}

/** The name of a folder or a file, as typed by a person. */
export const itemNameSchema = z
  .string({ required_error: "validation.required" })
  .transform(normalizeName)
  .pipe(
    z
      .string()
      .min(1, "validation.required")
      .max(NAME_MAX, tooLong(NAME_MAX))
      .refine((v) => !/[\\/]/.test(v), "library.name.noSlash")
      .refine((v) => v !== "." && v !== "..", "library.name.invalid"),
  );

export const noteSchema = z
  .string()
  .trim()
  .max(NOTE_MAX, tooLong(NOTE_MAX))
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .default(null);

/** An id from a form: cuid-like, never trusted beyond "a short token" (lookups scope it). */
const idSchema = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
const optionalFolderId = z
  .string()
  .trim()
  .max(64)
  .transform((v) => (v === "" || v === "root" ? null : v))
  .pipe(idSchema.nullable());

export const createFolderSchema = z.object({ intent: z.literal("createFolder"), name: itemNameSchema });
export const renameSchema = z.object({ intent: z.literal("rename"), kind: z.enum(["folder", "document"]), id: idSchema, name: itemNameSchema });
export const moveSchema = z.object({ intent: z.literal("move"), kind: z.enum(["folder", "document"]), id: idSchema, targetFolderId: optionalFolderId });
export const trashSchema = z.object({ intent: z.literal("trash"), kind: z.enum(["folder", "document"]), id: idSchema });
export const restoreVersionSchema = z.object({ intent: z.literal("restoreVersion"), number: z.coerce.number().int().min(1), note: noteSchema });
export const trashItemSchema = z.object({ intent: z.enum(["restore", "purge"]), kind: z.enum(["folder", "document"]), id: idSchema });

export const libraryActionSchema = z.discriminatedUnion("intent", [createFolderSchema, renameSchema, moveSchema, trashSchema]);
export type LibraryActionInput = z.infer<typeof libraryActionSchema>;

export const SORTS = ["name", "updated", "size"] as const;
export type SortField = (typeof SORTS)[number];
export type SortDir = "asc" | "desc";

export const listQuerySchema = z.object({
  sort: z.enum(SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type ListQuery = { sort: SortField; dir: SortDir; page: number };

/** Name sorts A→Z by default, dates and sizes newest/largest first. */
export function parseListQuery(params: URLSearchParams): ListQuery {
  const q = listQuerySchema.parse(Object.fromEntries(params));
  return { sort: q.sort, dir: q.dir ?? (q.sort === "name" ? "asc" : "desc"), page: q.page };
}

/**
 * The folder view's filters from the URL (`?typ=pdf&autor=<id>&status=APPROVED`): anything
 * unknown or malformed is simply no filter, never an error. Whether an author id belongs to this
 * workspace is checked by the page against its list of authors.
 */
export const folderFiltersSchema = z.object({
  typ: z.enum(TYPE_FILTERS).optional().catch(undefined),
  autor: idSchema.optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).optional().catch(undefined),
});

export function parseFolderFilters(params: URLSearchParams): FolderFilters {
  // A repeated parameter counts once (the first), as the selects send one value each.
  const first = (name: string) => params.get(name) ?? undefined;
  const q = folderFiltersSchema.parse({ typ: first("typ"), autor: first("autor"), status: first("status") });
  return { type: q.typ ?? null, author: q.autor ?? null, status: q.status ?? null };
}

export const pageQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });
