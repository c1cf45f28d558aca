-- Full-text search over strategy drafts (issue 5), next to the library's index (search_fts).
-- Written by hand like 20261124120909_search_fts: not Prisma models, SQLite FTS5 here, and only
-- app/modules/search/fts.sqlite.server.ts touches them. tests/integration/migrations.test.ts
-- ignores every object named search_*.

-- One row per indexed (live) draft. `stamp` records which state of the draft was indexed (its
-- updatedAt and version), so the background job finds missing or stale entries with one query.
CREATE TABLE "search_draft_entry" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "draft_id" TEXT NOT NULL,
    "stamp" TEXT NOT NULL,
    CONSTRAINT "search_draft_entry_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "StrategyDraft" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "search_draft_entry_draft_id_key" ON "search_draft_entry"("draft_id");

-- The index (rowid = search_draft_entry.id): the folded title and the folded plain text of the
-- body (StrategyDraft.contentText, refreshed at compaction), same tokenizer as search_fts.
CREATE VIRTUAL TABLE "search_draft_fts" USING fts5(
    name,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- An entry leaves the index together with its row, also when a deleted draft cascades here.
CREATE TRIGGER "search_draft_entry_delete" AFTER DELETE ON "search_draft_entry" BEGIN
    DELETE FROM "search_draft_fts" WHERE rowid = old."id";
END;
