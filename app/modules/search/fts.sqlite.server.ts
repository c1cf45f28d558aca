// The SQLite FTS5 implementation of the search index: the only code that knows the tables of
// prisma/migrations/*_search_fts (search_entry + the search_fts virtual table), of
// *_search_drafts (search_draft_entry + search_draft_fts, strategy drafts) and FTS5's query
// syntax. Every value reaches SQL as a bound parameter; user input only ever arrives as folded
// words (queryTerms), each quoted as an FTS5 string.
import { db } from "~/utils/db.server";
import { foldAligned } from "./folding";
import type { IndexClient, IndexHit, IndexHitKind, IndexQuery, SearchBackend } from "./search-backend";

/** Name matches count ten times as much as matches in the text (bm25 column weights: name, body). */
const BM25 = "bm25(search_fts, 10.0, 1.0)";
const DRAFT_BM25 = "bm25(search_draft_fts, 10.0, 1.0)";
/** Snippet window: characters of original text before the first match, and in total. */
const BEFORE = 90;
const WINDOW = 300;
const NO_MATCH = 1_000_000_000;

/** Which state of a document an entry holds: its updatedAt and its current text's status and time. */
const STAMP = `CAST(d."updatedAt" AS TEXT) || '|' || COALESCE(t."status", '') || '|' || COALESCE(CAST(t."extractedAt" AS TEXT), '')`;
/** Which state of a draft an entry holds: compaction, rename, trash and restore all change it. */
const DRAFT_STAMP = `CAST(s."updatedAt" AS TEXT) || '|' || s."version"`;
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

type HitRow = {
  kind: IndexHitKind;
  id: string;
  pos: number | bigint | null;
  text: string | null;
  cutStart: number | bigint | null;
  cutEnd: number | bigint | null;
};

/** Where the first term starts a word in `table`'s folded body (same offsets as the original text). */
function firstPosition(table: string, terms: string[]): { sql: string; params: string[] } {
  const positions = terms.map(
    () => `COALESCE(NULLIF(instr(${table}.body, ' ' || ?), 0) + 1, NULLIF(instr(${table}.body, char(10) || ?), 0) + 1, NULLIF(instr(${table}.body, ?), 0), ${NO_MATCH})`,
  );
  return { sql: positions.length === 1 ? positions[0] : `min(${positions.join(", ")})`, params: terms.flatMap((t) => [t, t, t]) };
}

async function search(query: IndexQuery): Promise<{ total: number; hits: IndexHit[] }> {
  const match = toFts5Match(query.terms);
  if (!match || (query.workspaceIds && query.workspaceIds.length === 0)) return { total: 0, hits: [] };
  const inScope = (column: string) => (query.workspaceIds ? `AND ${column} IN (${query.workspaceIds.map(() => "?").join(", ")})` : "");
  const scopeParams = query.workspaceIds ?? [];
  const docFrom = `FROM search_fts
    JOIN search_entry e ON e.id = search_fts.rowid
    JOIN "Document" d ON d."id" = e.document_id AND d."deletedAt" IS NULL`;
  const draftFrom = `FROM search_draft_fts
    JOIN search_draft_entry de ON de.id = search_draft_fts.rowid
    JOIN "StrategyDraft" s ON s."id" = de.draft_id AND s."deletedAt" IS NULL`;
  const docPos = firstPosition("search_fts", query.terms);
  const draftPos = firstPosition("search_draft_fts", query.terms);

  const [docCount, draftCount, rows] = await Promise.all([
    db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n ${docFrom} WHERE search_fts MATCH ? ${inScope(`d."workspaceId"`)}`, match, ...scopeParams),
    db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(*) AS n ${draftFrom} WHERE search_draft_fts MATCH ? ${inScope(`s."workspaceId"`)}`, match, ...scopeParams),
    // One ranked page over both kinds; the excerpt comes from the document's current text or the draft's body.
    db.$queryRawUnsafe<HitRow[]>(
      `SELECT hit.kind AS kind, hit.id AS id, hit.pos AS pos,
              substr(COALESCE(t."content", ds."contentText"), hit.start, ${WINDOW}) AS text,
              hit.start > 1 AS cutStart,
              hit.start + ${WINDOW} <= length(COALESCE(t."content", ds."contentText")) AS cutEnd
       FROM (
         SELECT 'document' AS kind, e.document_id AS id, ${BM25} AS score, d."updatedAt" AS updatedAt, d."currentVersion" AS currentVersion,
                NULLIF(${docPos.sql}, ${NO_MATCH}) AS pos,
                max(1, COALESCE(NULLIF(${docPos.sql}, ${NO_MATCH}), 1) - ${BEFORE}) AS start
         ${docFrom}
         WHERE search_fts MATCH ? ${inScope(`d."workspaceId"`)}
         UNION ALL
         SELECT 'draft' AS kind, de.draft_id AS id, ${DRAFT_BM25} AS score, s."updatedAt" AS updatedAt, NULL AS currentVersion,
                NULLIF(${draftPos.sql}, ${NO_MATCH}) AS pos,
                max(1, COALESCE(NULLIF(${draftPos.sql}, ${NO_MATCH}), 1) - ${BEFORE}) AS start
         ${draftFrom}
         WHERE search_draft_fts MATCH ? ${inScope(`s."workspaceId"`)}
         ORDER BY score, updatedAt DESC, id
         LIMIT ? OFFSET ?
       ) hit
       LEFT JOIN "DocumentVersion" v ON hit.kind = 'document' AND v."documentId" = hit.id AND v."number" = hit.currentVersion
       LEFT JOIN "DocumentText" t ON t."versionId" = v."id" AND t."status" = 'DONE' AND t."content" <> ''
       LEFT JOIN "StrategyDraft" ds ON hit.kind = 'draft' AND ds."id" = hit.id AND ds."contentText" <> ''
       ORDER BY hit.score, hit.updatedAt DESC, hit.id`,
      ...docPos.params,
      ...docPos.params,
      match,
      ...scopeParams,
      ...draftPos.params,
      ...draftPos.params,
      match,
      ...scopeParams,
      query.limit,
      query.offset,
    ),
  ]);
  return {
    total: Number(docCount[0]?.n ?? 0) + Number(draftCount[0]?.n ?? 0),
    hits: rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      excerpt: r.text ? { text: r.text, cutStart: !!Number(r.cutStart), cutEnd: !!Number(r.cutEnd), matched: r.pos !== null } : null,
    })),
  };
}

type DraftRow = { title: string; deletedAt: unknown; contentText: string; stamp: string };

/** Within `client` (an open transaction, or a new one on the app's client). */
async function inTransaction(client: IndexClient, work: (tx: IndexClient) => Promise<void>) {
  if ("$transaction" in client) await client.$transaction(async (tx) => work(tx));
  else await work(client);
}

async function indexDraft(draftId: string, client: IndexClient = db): Promise<"indexed" | "removed"> {
  const [row] = await client.$queryRawUnsafe<DraftRow[]>(
    `SELECT s."title" AS title, s."deletedAt" AS deletedAt, s."contentText" AS contentText, ${DRAFT_STAMP} AS stamp FROM "StrategyDraft" s WHERE s."id" = ?`,
    draftId,
  );
  if (!row || row.deletedAt !== null) {
    await client.$executeRawUnsafe(`DELETE FROM search_draft_entry WHERE draft_id = ?`, draftId);
    return "removed";
  }
  try {
    await inTransaction(client, async (tx) => {
      await tx.$executeRawUnsafe(
        `INSERT INTO search_draft_entry (draft_id, stamp) VALUES (?, ?) ON CONFLICT (draft_id) DO UPDATE SET stamp = excluded.stamp`,
        draftId,
        row.stamp,
      );
      await tx.$executeRawUnsafe(`DELETE FROM search_draft_fts WHERE rowid = (SELECT id FROM search_draft_entry WHERE draft_id = ?)`, draftId);
      await tx.$executeRawUnsafe(
        `INSERT INTO search_draft_fts (rowid, name, body) SELECT id, ?, ? FROM search_draft_entry WHERE draft_id = ?`,
        foldAligned(row.title),
        foldAligned(row.contentText ?? ""),
        draftId,
      );
    });
  } catch (error) {
    // Deleted between the read and the write: the foreign key refuses the entry, nothing to index.
    const [still] = await client.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "StrategyDraft" WHERE id = ?`, draftId);
    if (!still) return "removed";
    throw error;
  }
  return "indexed";
}

async function staleDrafts(limit: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT s."id" AS id FROM "StrategyDraft" s
     LEFT JOIN search_draft_entry de ON de.draft_id = s."id"
     WHERE s."deletedAt" IS NULL AND (de.id IS NULL OR de.stamp <> ${DRAFT_STAMP})
     ORDER BY s."updatedAt" DESC, s."id" LIMIT ?`,
    limit,
  );
  return rows.map((r) => r.id);
}

async function pruneDraftIndex(): Promise<number> {
  return db.$executeRawUnsafe(
    `DELETE FROM search_draft_entry WHERE NOT EXISTS (SELECT 1 FROM "StrategyDraft" s WHERE s."id" = search_draft_entry.draft_id AND s."deletedAt" IS NULL)`,
  );
}

export const sqliteSearchBackend: SearchBackend = { indexDocument, removeFromIndex, staleDocuments, pruneIndex, indexDraft, staleDrafts, pruneDraftIndex, search };
