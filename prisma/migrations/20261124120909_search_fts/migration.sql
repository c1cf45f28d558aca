-- Full-text search over the document library (app/modules/search). Written by hand: these are
-- not Prisma models. SQLite FTS5 here; a PostgreSQL port replaces them with a tsvector column or
-- table (see app/modules/search/fts.sqlite.server.ts, the only code that touches them).
-- tests/integration/migrations.test.ts ignores every object named search_*.

-- One row per indexed (live) document. `stamp` records which state of the document was indexed
-- (its updatedAt and when the current version's text was extracted), so the background job can
-- find missing or stale entries with one query.
CREATE TABLE "search_entry" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "document_id" TEXT NOT NULL,
    "stamp" TEXT NOT NULL,
    CONSTRAINT "search_entry_document_id_fkey" FOREIGN KEY ("document_id") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "search_entry_document_id_key" ON "search_entry"("document_id");

-- The index itself (rowid = search_entry.id): the folded name and the folded text of the current
-- version (app/utils/text.ts foldText: "Żółw" → "zolw"; the tokenizer folds once more for any
-- letter the application missed).
CREATE VIRTUAL TABLE "search_fts" USING fts5(
    name,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- An entry leaves the index together with its row, also when a purged document cascades here.
CREATE TRIGGER "search_entry_delete" AFTER DELETE ON "search_entry" BEGIN
    DELETE FROM "search_fts" WHERE rowid = old."id";
END;
