// Images of a workspace's library that a draft may show: live image files, newest first, searchable
// by name (diacritics folded). The caller has checked that the person sees the workspace.
import { FILE_TYPES } from "~/modules/library/file-types";
import { libraryUrls } from "~/modules/library/library-urls";
import { db } from "~/utils/db.server";
import { foldText } from "~/utils/text";

export const IMAGE_PAGE_SIZE = 24;
const IMAGE_MIMES = [...new Set(Object.values(FILE_TYPES).filter((f) => f.kind === "image").map((f) => f.mime))];

export type LibraryImage = { id: string; name: string; url: string };

export async function libraryImages(workspaceId: string, query: string): Promise<{ items: LibraryImage[]; more: boolean }> {
  const q = foldText(query.trim()).slice(0, 100);
  const rows = await db.document.findMany({
    where: { workspaceId, deletedAt: null, mimeType: { in: IMAGE_MIMES }, ...(q ? { nameKey: { contains: q } } : {}) },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: IMAGE_PAGE_SIZE + 1,
    select: { id: true, name: true, currentVersion: true },
  });
  return {
    items: rows.slice(0, IMAGE_PAGE_SIZE).map((d) => ({ id: d.id, name: d.name, url: libraryUrls.preview(workspaceId, d.id, d.currentVersion) })),
    more: rows.length > IMAGE_PAGE_SIZE,
  };
}
