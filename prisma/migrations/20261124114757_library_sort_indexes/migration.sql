-- CreateIndex
CREATE INDEX "Document_workspaceId_folderId_deletedAt_updatedAt_idx" ON "Document"("workspaceId", "folderId", "deletedAt", "updatedAt");

-- CreateIndex
CREATE INDEX "Document_workspaceId_folderId_deletedAt_size_idx" ON "Document"("workspaceId", "folderId", "deletedAt", "size");
