// What the search module needs from a full-text engine. Today: SQLite FTS5
// (fts.sqlite.server.ts). A PostgreSQL port implements the same interface (a tsvector column with
// `unaccent`, ts_rank for ranking) and search.server.ts picks it; nothing else changes.
// Two kinds of entries: library documents (name + current version's extracted text) and strategy
// drafts (title + the body's plain text, StrategyDraft.contentText).
import type { Db, Tx } from "~/utils/db.server";

/** Where index writes go: the app's client, or an open transaction (the demo seed). */
export type IndexClient = Tx | Db;

/** A window of a document's original text around the first match (null: no extracted text). */
export type IndexExcerpt = { text: string; cutStart: boolean; cutEnd: boolean; matched: boolean };

export type IndexHitKind = "document" | "draft";

/** A matching library document or strategy draft (`id` is the Document's or the StrategyDraft's). */
export type IndexHit = { kind: IndexHitKind; id: string; excerpt: IndexExcerpt | null };

export type IndexQuery = {
  /** Folded words from `queryTerms` (letters and digits only); every one must match a word prefix. */
  terms: string[];
  /** Only documents and drafts of these workspaces; null: every workspace (platform administrators). */
  workspaceIds: string[] | null;
  limit: number;
  offset: number;
};

export interface SearchBackend {
  /** (Re)indexes a live document's name and its current version's extracted text; removes a trashed or missing one. */
  indexDocument(documentId: string): Promise<"indexed" | "removed">;
  removeFromIndex(documentId: string): Promise<void>;
  /** Live documents whose entry is missing or older than the document or its text (newest first). */
  staleDocuments(limit: number): Promise<string[]>;
  /** Drops entries of documents in the trash or gone; returns how many. */
  pruneIndex(): Promise<number>;
  /** (Re)indexes a live draft's title and body text; removes a trashed or missing one. */
  indexDraft(draftId: string, client?: IndexClient): Promise<"indexed" | "removed">;
  /** Live drafts whose entry is missing or older than the draft (newest first). */
  staleDrafts(limit: number): Promise<string[]>;
  /** Drops entries of drafts in the trash or gone; returns how many. */
  pruneDraftIndex(): Promise<number>;
  /** Live documents and drafts matching every term, best first (name/title matches weigh more than text). */
  search(query: IndexQuery): Promise<{ total: number; hits: IndexHit[] }>;
}
