-- CreateEnum
CREATE TYPE "QuickBooksChangePolicy" AS ENUM ('ASK', 'AUTOMATIC');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "QuickBooksDocumentKind" ADD VALUE 'INVOICE_UPDATE';
ALTER TYPE "QuickBooksDocumentKind" ADD VALUE 'INVOICE_VOID';
ALTER TYPE "QuickBooksDocumentKind" ADD VALUE 'CREDIT_MEMO';
ALTER TYPE "QuickBooksDocumentKind" ADD VALUE 'INVOICE_DIFFERENCE';

-- DropIndex
DROP INDEX "QuickBooksSync_organizationId_kind_jobId_key";

-- DropIndex
DROP INDEX "QuickBooksSync_organizationId_kind_payoutId_key";

-- AlterTable
ALTER TABLE "QuickBooksConfiguration" ADD COLUMN     "changePolicy" "QuickBooksChangePolicy" NOT NULL DEFAULT 'ASK',
ADD COLUMN     "healthCheckedAt" TIMESTAMP(3),
ADD COLUMN     "healthIssue" TEXT;

-- AlterTable
ALTER TABLE "QuickBooksSync" ADD COLUMN     "authorizedAt" TIMESTAMP(3),
ADD COLUMN     "authorizedBy" TEXT,
ADD COLUMN     "authorizedByUserId" TEXT,
ADD COLUMN     "change" JSONB,
ADD COLUMN     "qboBalanceCents" INTEGER,
ADD COLUMN     "qboEmailedAt" TIMESTAMP(3),
ADD COLUMN     "qboState" TEXT,
ADD COLUMN     "qboStateNote" TEXT,
ADD COLUMN     "qboSyncToken" TEXT,
ADD COLUMN     "qboUpdatedAt" TEXT,
ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "QuickBooksInboundEvent" (
    "id" TEXT NOT NULL,
    "realmId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "QuickBooksInboundEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuickBooksCdcCursor" (
    "realmId" TEXT NOT NULL,
    "changedSince" TIMESTAMP(3) NOT NULL,
    "lastRunAt" TIMESTAMP(3),
    "lastError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuickBooksCdcCursor_pkey" PRIMARY KEY ("realmId")
);

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksInboundEvent_dedupeKey_key" ON "QuickBooksInboundEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "QuickBooksInboundEvent_status_receivedAt_idx" ON "QuickBooksInboundEvent"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "QuickBooksInboundEvent_realmId_entity_entityId_idx" ON "QuickBooksInboundEvent"("realmId", "entity", "entityId");

-- CreateIndex
CREATE INDEX "QuickBooksSync_realmId_qboId_idx" ON "QuickBooksSync"("realmId", "qboId");

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksSync_organizationId_kind_jobId_sequence_key" ON "QuickBooksSync"("organizationId", "kind", "jobId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksSync_organizationId_kind_payoutId_sequence_key" ON "QuickBooksSync"("organizationId", "kind", "payoutId", "sequence");
