-- CreateEnum
CREATE TYPE "InvoiceJobSources" AS ENUM ('XOMETRY', 'IN_HOUSE', 'BOTH');

-- CreateEnum
CREATE TYPE "XometryInvoiceTrigger" AS ENUM ('JOB_ACCEPTED', 'JOB_SHIPPED');

-- CreateTable
CREATE TABLE "QuickBooksConfiguration" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "realmId" TEXT NOT NULL,
    "jobSources" "InvoiceJobSources" NOT NULL,
    "invoiceTrigger" "XometryInvoiceTrigger",
    "xometryCustomerId" TEXT,
    "xometryCustomerName" TEXT,
    "defaultItemId" TEXT NOT NULL,
    "defaultItemName" TEXT NOT NULL,
    "paymentsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "depositAccountId" TEXT,
    "depositAccountName" TEXT,
    "customTxnNumbers" BOOLEAN NOT NULL DEFAULT false,
    "updatedByUserId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuickBooksConfiguration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuickBooksConfigurationChange" (
    "id" TEXT NOT NULL,
    "configurationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuickBooksConfigurationChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuickBooksSetupDraft" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "realmId" TEXT NOT NULL,
    "values" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuickBooksSetupDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksConfiguration_organizationId_key" ON "QuickBooksConfiguration"("organizationId");

-- CreateIndex
CREATE INDEX "QuickBooksConfigurationChange_configurationId_createdAt_idx" ON "QuickBooksConfigurationChange"("configurationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksSetupDraft_organizationId_key" ON "QuickBooksSetupDraft"("organizationId");

-- AddForeignKey
ALTER TABLE "QuickBooksConfiguration" ADD CONSTRAINT "QuickBooksConfiguration_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuickBooksConfigurationChange" ADD CONSTRAINT "QuickBooksConfigurationChange_configurationId_fkey" FOREIGN KEY ("configurationId") REFERENCES "QuickBooksConfiguration"("id") ON DELETE CASCADE ON UPDATE CASCADE;
