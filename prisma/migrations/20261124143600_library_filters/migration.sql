-- CreateIndex
CREATE INDEX "Document_workspaceId_folderId_deletedAt_mimeType_idx" ON "Document"("workspaceId", "folderId", "deletedAt", "mimeType");

-- CreateIndex
CREATE INDEX "Document_workspaceId_folderId_deletedAt_status_idx" ON "Document"("workspaceId", "folderId", "deletedAt", "status");

-- CreateIndex
CREATE INDEX "Document_workspaceId_folderId_deletedAt_createdById_idx" ON "Document"("workspaceId", "folderId", "deletedAt", "createdById");

-- CreateIndex
CREATE INDEX "Document_workspaceId_deletedAt_createdById_idx" ON "Document"("workspaceId", "deletedAt", "createdById");
