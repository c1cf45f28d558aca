// Search in the document library (by name and by the extracted text of the current version) and in
// strategy drafts (by title and by the body's text, refreshed whenever co-editing compacts it).
// Engine-neutral: the full-text index is a SearchBackend (SQLite FTS5 today, see
// fts.sqlite.server.ts). Results are scoped in the query to the workspaces the person can see
// (visibleWorkspacesWhere — a draft is visible exactly to whoever sees its workspace) and to live
// documents and drafts (deletedAt is checked at query time, so the trash takes effect at once,
// whatever the index holds).
import { db } from "~/utils/db.server";
import type { Actor } from "~/modules/auth/actor";
import { pageInfo, type PageInfo } from "~/modules/admin/pagination";
import { libraryUrls } from "~/modules/library/library-urls";
import { folderPath } from "~/modules/library/library-tree";
import { visibleWorkspacesWhere } from "~/modules/workspaces/access.server";
import { excerpt, highlight, queryPrefixes } from "./folding";
import { sqliteSearchBackend } from "./fts.sqlite.server";
import type { IndexClient, SearchBackend } from "./search-backend";
import { TEXT_STATUSES, type SearchHit, type TextStatus } from "./search-types";

export const SEARCH_PAGE_SIZE = 20;

const backend: SearchBackend = sqliteSearchBackend;

/** (Re)indexes one document now (name + current version's text); removes it when trashed or gone. */
export function indexDocument(documentId: string) {
  return backend.indexDocument(documentId);
}

export function removeFromIndex(documentId: string) {
  return backend.removeFromIndex(documentId);
}

/** (Re)indexes one strategy draft now (title + body text); removes it when trashed or gone. */
export function indexDraft(draftId: string, client?: IndexClient) {
  return backend.indexDraft(draftId, client);
}

/**
 * For the strategy commands and co-editing compaction: refreshes the draft's entry after a change,
 * never failing the change itself — a missed entry is caught up by the next search or background run.
 */
export async function refreshDraftIndex(draftId: string): Promise<void> {
  try {
    await backend.indexDraft(draftId);
  } catch (error) {
    console.error(JSON.stringify({ level: "warn", msg: "search: could not index a strategy draft", draftId, error: String(error) }));
  }
}

/**
 * Brings the index up to date: drops entries of trashed/purged documents and (re)indexes up to
 * `limit` documents whose entry is missing or stale (new uploads, renames, new versions, restores
 * from the trash, freshly extracted text). Idempotent; the background job runs it every 15 s.
 */
export async function syncSearchIndex(limit = 200) {
  const removed = (await backend.pruneIndex()) + (await backend.pruneDraftIndex());
  const stale = await backend.staleDocuments(limit);
  let indexed = 0;
  for (const id of stale) if ((await backend.indexDocument(id)) === "indexed") indexed++;
  const staleDrafts = await backend.staleDrafts(limit);
  for (const id of staleDrafts) if ((await backend.indexDraft(id)) === "indexed") indexed++;
  return { indexed, removed, more: stale.length === limit || staleDrafts.length === limit };
}

/** The workspaces a person may search in, for the filter (same rule as every workspace list). */
export async function searchableWorkspaces(actor: Actor) {
  return db.workspace.findMany({ where: visibleWorkspacesWhere(actor), select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

export type SearchInput = { q: string; workspaceId?: string | null; page?: number };
export type SearchResult = { q: string; terms: string[]; hits: SearchHit[]; page: PageInfo };

export async function searchDocuments(actor: Actor, input: SearchInput): Promise<SearchResult> {
  const q = input.q.trim();
  const terms = queryPrefixes(q);
  const pageNumber = Math.max(1, Math.floor(input.page ?? 1));
  const empty = { q, terms, hits: [], page: pageInfo(1, 0, SEARCH_PAGE_SIZE) };
  if (terms.length === 0) return empty;

  let workspaceIds: string[] | null;
  if (actor.isAdmin && !input.workspaceId) workspaceIds = null;
  else {
    const visible = await db.workspace.findMany({
      where: { ...visibleWorkspacesWhere(actor), ...(input.workspaceId ? { id: input.workspaceId } : {}) },
      select: { id: true },
    });
    workspaceIds = visible.map((w) => w.id);
    if (workspaceIds.length === 0) return empty;
  }

  // A document uploaded or renamed (or a draft changed) a moment ago is found without waiting for the job.
  await catchUpNames();

  const { total, hits } = await backend.search({ terms, workspaceIds, limit: SEARCH_PAGE_SIZE, offset: (pageNumber - 1) * SEARCH_PAGE_SIZE });
  const docIds = hits.filter((h) => h.kind === "document").map((h) => h.id);
  const draftIds = hits.filter((h) => h.kind === "draft").map((h) => h.id);
  const [docs, drafts] = await Promise.all([
    docIds.length
      ? db.document.findMany({
          where: { id: { in: docIds }, deletedAt: null },
          select: {
            id: true,
            name: true,
            mimeType: true,
            updatedAt: true,
            folderId: true,
            workspace: { select: { id: true, name: true } },
            versions: { orderBy: { number: "desc" }, take: 1, select: { text: { select: { status: true } } } },
          },
        })
      : [],
    draftIds.length
      ? db.strategyDraft.findMany({
          where: { id: { in: draftIds }, deletedAt: null },
          select: { id: true, title: true, updatedAt: true, workspace: { select: { id: true, name: true } } },
        })
      : [],
  ]);
  const wsIds = [...new Set(docs.map((d) => d.workspace.id))];
  const folders = docs.some((d) => d.folderId)
    ? await db.folder.findMany({ where: { workspaceId: { in: wsIds } }, select: { id: true, name: true, parentId: true } })
    : [];
  const docById = new Map(docs.map((d) => [d.id, d]));
  const draftById = new Map(drafts.map((d) => [d.id, d]));
  const results: SearchHit[] = [];
  for (const hit of hits) {
    const snippetText = hit.excerpt ? excerpt(hit.excerpt.text, hit.excerpt.cutStart, hit.excerpt.cutEnd) : "";
    const snippet = snippetText ? highlight(snippetText, terms) : null;
    if (hit.kind === "draft") {
      const draft = draftById.get(hit.id);
      if (!draft) continue;
      results.push({
        kind: "draft",
        id: draft.id,
        name: draft.title,
        nameSegments: highlight(draft.title, terms),
        mimeType: "",
        updatedAt: draft.updatedAt.toISOString(),
        url: `/przestrzenie/${draft.workspace.id}/strategie/${draft.id}`,
        workspace: draft.workspace,
        folderPath: [],
        snippet,
        textStatus: "DONE",
      });
      continue;
    }
    const doc = docById.get(hit.id);
    if (!doc) continue;
    results.push({
      kind: "document",
      id: doc.id,
      name: doc.name,
      nameSegments: highlight(doc.name, terms),
      mimeType: doc.mimeType,
      updatedAt: doc.updatedAt.toISOString(),
      url: libraryUrls.file(doc.workspace.id, doc.id),
      workspace: doc.workspace,
      folderPath: folderPath(folders, doc.folderId).map((f) => f.name),
      snippet,
      textStatus: asTextStatus(doc.versions[0]?.text?.status),
    });
  }
  return { q, terms, hits: results, page: pageInfo(pageNumber, total, SEARCH_PAGE_SIZE) };
}

export function asTextStatus(value: string | null | undefined): TextStatus {
  return (TEXT_STATUSES as readonly string[]).includes(value ?? "") ? (value as TextStatus) : "PENDING";
}

async function catchUpNames() {
  try {
    const stale = await backend.staleDocuments(50);
    for (const id of stale) await backend.indexDocument(id);
    for (const id of await backend.staleDrafts(50)) await backend.indexDraft(id);
  } catch (error) {
    // Searching must not fail because the index could not be written just now (busy database).
    console.error(JSON.stringify({ level: "warn", msg: "search: could not catch up the index", error: String(error) }));
  }
}
