-- DropIndex
DROP INDEX "QuickBooksBackfillRun_organizationId_createdAt_idx";

-- AlterTable
ALTER TABLE "QuickBooksBackfillRun" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'invoices';

-- CreateIndex
CREATE INDEX "QuickBooksBackfillRun_organizationId_kind_createdAt_idx" ON "QuickBooksBackfillRun"("organizationId", "kind", "createdAt");
