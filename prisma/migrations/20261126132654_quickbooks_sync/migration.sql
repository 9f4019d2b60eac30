-- CreateEnum
CREATE TYPE "QuickBooksDocumentKind" AS ENUM ('INVOICE', 'PAYMENT');

-- CreateEnum
CREATE TYPE "QuickBooksSyncStatus" AS ENUM ('PENDING', 'SYNCING', 'SYNCED', 'FAILED', 'PAUSED', 'SKIPPED');

-- CreateTable
CREATE TABLE "QuickBooksSync" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" "QuickBooksDocumentKind" NOT NULL,
    "jobId" TEXT,
    "payoutId" TEXT,
    "realmId" TEXT NOT NULL,
    "status" "QuickBooksSyncStatus" NOT NULL,
    "trigger" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "generation" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "nextAttemptAt" TIMESTAMP(3),
    "backfillRunId" TEXT,
    "qboId" TEXT,
    "qboDocNumber" TEXT,
    "qboTxnDate" TEXT,
    "qboTotalCents" INTEGER,
    "qboCustomerName" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "driftReason" TEXT,
    "notes" JSONB,
    "syncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuickBooksSync_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuickBooksBackfillRun" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "startedByUserId" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuickBooksBackfillRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuickBooksRealmRequest" (
    "id" BIGSERIAL NOT NULL,
    "realmId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuickBooksRealmRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuickBooksRealmPause" (
    "realmId" TEXT NOT NULL,
    "pausedUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuickBooksRealmPause_pkey" PRIMARY KEY ("realmId")
);

-- CreateIndex
CREATE INDEX "QuickBooksSync_status_nextAttemptAt_idx" ON "QuickBooksSync"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "QuickBooksSync_organizationId_realmId_status_idx" ON "QuickBooksSync"("organizationId", "realmId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksSync_organizationId_kind_jobId_key" ON "QuickBooksSync"("organizationId", "kind", "jobId");

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksSync_organizationId_kind_payoutId_key" ON "QuickBooksSync"("organizationId", "kind", "payoutId");

-- CreateIndex
CREATE INDEX "QuickBooksBackfillRun_organizationId_createdAt_idx" ON "QuickBooksBackfillRun"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "QuickBooksRealmRequest_realmId_at_idx" ON "QuickBooksRealmRequest"("realmId", "at");

-- AddForeignKey
ALTER TABLE "QuickBooksSync" ADD CONSTRAINT "QuickBooksSync_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuickBooksSync" ADD CONSTRAINT "QuickBooksSync_payoutId_fkey" FOREIGN KEY ("payoutId") REFERENCES "Payout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuickBooksSync" ADD CONSTRAINT "QuickBooksSync_backfillRunId_fkey" FOREIGN KEY ("backfillRunId") REFERENCES "QuickBooksBackfillRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;
