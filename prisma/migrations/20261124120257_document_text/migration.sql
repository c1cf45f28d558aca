-- CreateTable
CREATE TABLE "DocumentText" (
    "versionId" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "content" TEXT,
    "error" TEXT,
    "extractedAt" DATETIME,
    CONSTRAINT "DocumentText_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocumentVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "DocumentText_status_idx" ON "DocumentText"("status");
