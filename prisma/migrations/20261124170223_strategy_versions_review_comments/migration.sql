-- CreateTable
CREATE TABLE "StrategyDraftReviewer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StrategyDraftReviewer_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "StrategyDraft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StrategyDraftReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StrategyDraftComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "threadId" TEXT,
    "anchorStart" BLOB,
    "anchorEnd" BLOB,
    "quote" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    "deletedAt" DATETIME,
    CONSTRAINT "StrategyDraftComment_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "StrategyDraft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StrategyDraftComment_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "StrategyDraftComment" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StrategyDraftComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StrategyDraftComment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StrategyDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ydocState" BLOB,
    "contentJson" TEXT,
    "contentText" TEXT NOT NULL DEFAULT '',
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "reviewStatus" TEXT NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "deletedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "approvedVersionId" TEXT,
    "approvedById" TEXT,
    "approvedAt" DATETIME,
    "lastEditAt" DATETIME,
    CONSTRAINT "StrategyDraft_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StrategyDraft_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StrategyDraft_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "StrategyDraft_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "StrategyDraft_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StrategyDraft" ("contentJson", "contentText", "createdAt", "createdById", "deletedAt", "deletedById", "id", "reviewStatus", "title", "updatedAt", "updatedById", "version", "wordCount", "workspaceId", "ydocState") SELECT "contentJson", "contentText", "createdAt", "createdById", "deletedAt", "deletedById", "id", "reviewStatus", "title", "updatedAt", "updatedById", "version", "wordCount", "workspaceId", "ydocState" FROM "StrategyDraft";
DROP TABLE "StrategyDraft";
ALTER TABLE "new_StrategyDraft" RENAME TO "StrategyDraft";
CREATE INDEX "StrategyDraft_workspaceId_deletedAt_updatedAt_idx" ON "StrategyDraft"("workspaceId", "deletedAt", "updatedAt");
CREATE TABLE "new_StrategyDraftVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "draftId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT,
    "ydocState" BLOB NOT NULL,
    "contentJson" TEXT NOT NULL,
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "kind" TEXT NOT NULL DEFAULT 'AUTO',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StrategyDraftVersion_draftId_fkey" FOREIGN KEY ("draftId") REFERENCES "StrategyDraft" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StrategyDraftVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StrategyDraftVersion" ("contentJson", "createdAt", "createdById", "draftId", "id", "name", "number", "ydocState") SELECT "contentJson", "createdAt", "createdById", "draftId", "id", "name", "number", "ydocState" FROM "StrategyDraftVersion";
DROP TABLE "StrategyDraftVersion";
ALTER TABLE "new_StrategyDraftVersion" RENAME TO "StrategyDraftVersion";
CREATE INDEX "StrategyDraftVersion_draftId_createdAt_idx" ON "StrategyDraftVersion"("draftId", "createdAt");
CREATE UNIQUE INDEX "StrategyDraftVersion_draftId_number_key" ON "StrategyDraftVersion"("draftId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "StrategyDraftReviewer_userId_idx" ON "StrategyDraftReviewer"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "StrategyDraftReviewer_draftId_userId_key" ON "StrategyDraftReviewer"("draftId", "userId");

-- CreateIndex
CREATE INDEX "StrategyDraftComment_draftId_threadId_createdAt_idx" ON "StrategyDraftComment"("draftId", "threadId", "createdAt");
