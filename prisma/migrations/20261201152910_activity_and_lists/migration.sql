-- AlterTable
ALTER TABLE "QuickBooksSync" ADD COLUMN     "retryRunId" TEXT;

-- CreateIndex
CREATE INDEX "Job_organizationId_updatedAt_id_idx" ON "Job"("organizationId", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Job_organizationId_status_updatedAt_id_idx" ON "Job"("organizationId", "status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "QuickBooksSync_organizationId_createdAt_id_idx" ON "QuickBooksSync"("organizationId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "QuickBooksSync_organizationId_status_createdAt_id_idx" ON "QuickBooksSync"("organizationId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "QuickBooksSync_organizationId_kind_status_createdAt_id_idx" ON "QuickBooksSync"("organizationId", "kind", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "QuickBooksSync_organizationId_kind_qboState_idx" ON "QuickBooksSync"("organizationId", "kind", "qboState");

-- CreateIndex
CREATE INDEX "QuickBooksSync_organizationId_qboDocNumber_idx" ON "QuickBooksSync"("organizationId", "qboDocNumber");

-- CreateIndex
CREATE INDEX "QuickBooksSync_jobId_idx" ON "QuickBooksSync"("jobId");

-- CreateIndex
CREATE INDEX "QuickBooksSync_payoutId_idx" ON "QuickBooksSync"("payoutId");

-- CreateIndex
CREATE INDEX "QuickBooksSync_retryRunId_idx" ON "QuickBooksSync"("retryRunId");
