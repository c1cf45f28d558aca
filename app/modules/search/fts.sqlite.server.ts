// The SQLite FTS5 implementation of the search index: the only code that knows the tables of
// prisma/migrations/*_search_fts (search_entry + the search_fts virtual table) and FTS5's query
// syntax. Every value reaches SQL as a bound parameter; user input only ever arrives as folded
// words (queryTerms), each quoted as an FTS5 string.
import { db } from "~/utils/db.server";
import { foldAligned } from "./folding";
import type { IndexExcerpt, IndexQuery, SearchBackend } from "./search-backend";

/** Name matches count ten times as much as matches in the text (bm25 column weights: name, body). */
const BM25 = "bm25(search_fts, 10.0, 1.0)";
/** Snippet window: characters of original text before the first match, and in total. */
const BEFORE = 90;
const WINDOW = 300;
const NO_MATCH = 1_000_000_000;

/** Which state of a document an entry holds: its updatedAt and its current text's status and time. */
const STAMP = `CAST(d."updatedAt" AS TEXT) || '|' || COALESCE(t."status", '') || '|' || COALESCE(CAST(t."extractedAt" AS TEXT), '')`;
const CURRENT_TEXT = `LEFT JOIN "DocumentVersion" v ON v."documentId" = d."id" AND v."number" = d."currentVersion"
  LEFT JOIN "DocumentText" t ON t."versionId" = v."id"`;

/**
 * Folded words → an FTS5 query: each word an FTS5 string with a prefix star, all required
 * ("zolw strat" → `"zolw"* "strat"*`). Inside a string FTS5 sees no operators, so "AND", "NEAR",
 * `-` or `:` are plain text; a quote is doubled as FTS5 requires (queryTerms never yields one).
 */
export function toFts5Match(terms: string[]): string {
  return terms
    .filter((t) => t.length > 0)
    .map((t) => `"${t.replace(/"/g, '""')}"*`)
    .join(" ");
}

type DocRow = { nameKey: string; deletedAt: unknown; status: string | null; content: string | null; stamp: string };

async function indexDocument(documentId: string): Promise<"indexed" | "removed"> {
  const [row] = await db.$queryRawUnsafe<DocRow[]>(
    `SELECT d."nameKey" AS nameKey, d."deletedAt" AS deletedAt, t."status" AS status, t."content" AS content, ${STAMP} AS stamp
     FROM "Document" d ${CURRENT_TEXT} WHERE d."id" = ?`,
    documentId,
  );
  if (!row || row.deletedAt !== null) {
    await removeFromIndex(documentId);
    return "removed";
  }
  const body = row.status === "DONE" && row.content ? foldAligned(row.content) : "";
  try {
    await db.$transaction([
      db.$executeRawUnsafe(
        `INSERT INTO search_entry (document_id, stamp) VALUES (?, ?) ON CONFLICT (document_id) DO UPDATE SET stamp = excluded.stamp`,
        documentId,
        row.stamp,
      ),
      db.$executeRawUnsafe(`DELETE FROM search_fts WHERE rowid = (SELECT id FROM search_entry WHERE document_id = ?)`, documentId),
      db.$executeRawUnsafe(`INSERT INTO search_fts (rowid, name, body) SELECT id, ?, ? FROM search_entry WHERE document_id = ?`, row.nameKey, body, documentId),
    ]);
  } catch (error) {
    // Purged between the read and the write: the foreign key refuses the entry, nothing to index.
    const [still] = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "Document" WHERE id = ?`, documentId);
    if (!still) return "removed";
    throw error;
  }
  return "indexed";
}

/** The entry's trigger removes its FTS row too. */
async function removeFromIndex(documentId: string): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM search_entry WHERE document_id = ?`, documentId);
}

async function staleDocuments(limit: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT d."id" AS id FROM "Document" d ${CURRENT_TEXT}
     LEFT JOIN search_entry e ON e.document_id = d."id"
     WHERE d."deletedAt" IS NULL AND (e.id IS NULL OR e.stamp <> ${STAMP})
     ORDER BY d."updatedAt" DESC, d."id" LIMIT ?`,
    limit,
  );
  return rows.map((r) => r.id);
}

async function pruneIndex(): Promise<number> {
  return db.$executeRawUnsafe(
    `DELETE FROM search_entry WHERE NOT EXISTS (SELECT 1 FROM "Document" d WHERE d."id" = search_entry.document_id AND d."deletedAt" IS NULL)`,
  );
}

type HitRow = { documentId: string; pos: number | bigint | null; text: string | null; cutStart: number | bigint | null; cutEnd: number | bigint | null };

async function search(query: IndexQuery): Promise<{ total: number; hits: { documentId: string; excerpt: IndexExcerpt | null }[] }> {
  const match = toFts5Match(query.terms);
  if (!match || (query.workspaceIds && query.workspaceIds.length === 0)) return { total: 0, hits: [] };
  const scope = query.workspaceIds ? `AND d."workspaceId" IN (${query.workspaceIds.map(() => "?").join(", ")})` : "";
  const scopeParams = query.workspaceIds ?? [];
  const from = `FROM search_fts
    JOIN search_entry e ON e.id = search_fts.rowid
    JOIN "Document" d ON d."id" = e.document_id AND d."deletedAt" IS NULL`;

  // Where the first term starts a word in the folded text (same offsets as the original text).
  const positions = query.terms.map(
    () => `COALESCE(NULLIF(instr(search_fts.body, ' ' || ?), 0) + 1, NULLIF(instr(search_fts.body, char(10) || ?), 0) + 1, NULLIF(instr(search_fts.body, ?), 0), ${NO_MATCH})`,
  );
  const firstPos = positions.length === 1 ? positions[0] : `min(${positions.join(", ")})`;
  const positionParams = query.terms.flatMap((t) => [t, t, t]);

  const [countRows, rows] = await Promise.all([
    db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n ${from} WHERE search_fts MATCH ? ${scope}`, match, ...scopeParams),
    db.$queryRawUnsafe<HitRow[]>(
      `SELECT hit.documentId AS documentId, hit.pos AS pos,
              substr(t."content", hit.start, ${WINDOW}) AS text,
              hit.start > 1 AS cutStart,
              hit.start + ${WINDOW} <= length(t."content") AS cutEnd
       FROM (
         SELECT e.document_id AS documentId, ${BM25} AS score, d."updatedAt" AS updatedAt, d."currentVersion" AS currentVersion,
                NULLIF(${firstPos}, ${NO_MATCH}) AS pos,
                max(1, COALESCE(NULLIF(${firstPos}, ${NO_MATCH}), 1) - ${BEFORE}) AS start
         ${from}
         WHERE search_fts MATCH ? ${scope}
         ORDER BY score, d."updatedAt" DESC, d."id"
         LIMIT ? OFFSET ?
       ) hit
       LEFT JOIN "DocumentVersion" v ON v."documentId" = hit.documentId AND v."number" = hit.currentVersion
       LEFT JOIN "DocumentText" t ON t."versionId" = v."id" AND t."status" = 'DONE' AND t."content" <> ''
       ORDER BY hit.score, hit.updatedAt DESC, hit.documentId`,
      ...positionParams,
      ...positionParams,
      match,
      ...scopeParams,
      query.limit,
      query.offset,
    ),
  ]);
  return {
    total: Number(countRows[0]?.n ?? 0),
    hits: rows.map((r) => ({
      documentId: r.documentId,
      excerpt: r.text ? { text: r.text, cutStart: !!Number(r.cutStart), cutEnd: !!Number(r.cutEnd), matched: r.pos !== null } : null,
    })),
  };
}

export const sqliteSearchBackend: SearchBackend = { indexDocument, removeFromIndex, staleDocuments, pruneIndex, search };
