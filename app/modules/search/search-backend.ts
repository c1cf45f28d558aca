// What the search module needs from a full-text engine. Today: SQLite FTS5
// (fts.sqlite.server.ts). A PostgreSQL port implements the same interface (a tsvector column with
// `unaccent`, ts_rank for ranking) and search.server.ts picks it; nothing else changes.

/** A window of a document's original text around the first match (null: no extracted text). */
export type IndexExcerpt = { text: string; cutStart: boolean; cutEnd: boolean; matched: boolean };

export type IndexHit = { documentId: string; excerpt: IndexExcerpt | null };

export type IndexQuery = {
  /** Folded words from `queryTerms` (letters and digits only); every one must match a word prefix. */
  terms: string[];
  /** Only documents of these workspaces; null: every workspace (platform administrators). */
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
  /** Live documents matching every term, best first (name matches weigh more than text). */
  search(query: IndexQuery): Promise<{ total: number; hits: IndexHit[] }>;
}
