-- CreateTable
CREATE TABLE "IdeaIntake" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME,
    "workspaceId" TEXT,
    "publicList" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IdeaIntake_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "IdeaIntake_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Idea" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "intakeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "location" TEXT,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "consentAt" DATETIME,
    "consentText" TEXT,
    "contactErasedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'NEW',
    "acceptedFor" TEXT,
    "publicReason" TEXT,
    "assigneeId" TEXT,
    "duplicateOfId" TEXT,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "deletedById" TEXT,
    CONSTRAINT "Idea_intakeId_fkey" FOREIGN KEY ("intakeId") REFERENCES "IdeaIntake" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Idea_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Idea_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Idea" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdeaTag" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ideaId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    CONSTRAINT "IdeaTag_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdeaComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ideaId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" DATETIME,
    "deletedAt" DATETIME,
    CONSTRAINT "IdeaComment_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IdeaComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdeaScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ideaId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "impact" INTEGER NOT NULL,
    "feasibility" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IdeaScore_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "IdeaScore_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdeaLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ideaId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IdeaLink_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowStart" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "IdeaIntake_opensAt_closesAt_idx" ON "IdeaIntake"("opensAt", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "Idea_reference_key" ON "Idea"("reference");

-- CreateIndex
CREATE INDEX "Idea_intakeId_deletedAt_status_submittedAt_idx" ON "Idea"("intakeId", "deletedAt", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Idea_deletedAt_status_submittedAt_idx" ON "Idea"("deletedAt", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Idea_deletedAt_category_submittedAt_idx" ON "Idea"("deletedAt", "category", "submittedAt");

-- CreateIndex
CREATE INDEX "Idea_assigneeId_idx" ON "Idea"("assigneeId");

-- CreateIndex
CREATE INDEX "Idea_duplicateOfId_idx" ON "Idea"("duplicateOfId");

-- CreateIndex
CREATE INDEX "Idea_closedAt_contactErasedAt_idx" ON "Idea"("closedAt", "contactErasedAt");

-- CreateIndex
CREATE INDEX "IdeaTag_tag_ideaId_idx" ON "IdeaTag"("tag", "ideaId");

-- CreateIndex
CREATE UNIQUE INDEX "IdeaTag_ideaId_tag_key" ON "IdeaTag"("ideaId", "tag");

-- CreateIndex
CREATE INDEX "IdeaComment_ideaId_createdAt_idx" ON "IdeaComment"("ideaId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdeaScore_ideaId_userId_key" ON "IdeaScore"("ideaId", "userId");

-- CreateIndex
CREATE INDEX "IdeaLink_kind_targetId_idx" ON "IdeaLink"("kind", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "IdeaLink_ideaId_kind_targetId_key" ON "IdeaLink"("ideaId", "kind", "targetId");
