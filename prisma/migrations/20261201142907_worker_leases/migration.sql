-- AlterTable
ALTER TABLE "QuickBooksSync" ADD COLUMN     "claimedBy" TEXT;

-- CreateTable
CREATE TABLE "QuickBooksRealmSlot" (
    "realmId" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "holder" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuickBooksRealmSlot_pkey" PRIMARY KEY ("realmId","slot")
);

-- CreateTable
CREATE TABLE "WorkerProcess" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkerProcess_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuickBooksRealmSlot_holder_idx" ON "QuickBooksRealmSlot"("holder");

-- CreateIndex
CREATE INDEX "WorkerProcess_heartbeatAt_idx" ON "WorkerProcess"("heartbeatAt");

-- CreateIndex
CREATE INDEX "QuickBooksSync_status_lockedUntil_idx" ON "QuickBooksSync"("status", "lockedUntil");
