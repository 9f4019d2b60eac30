-- CreateEnum
CREATE TYPE "InHouseInvoiceMode" AS ENUM ('MANUAL', 'ON_COMPLETION');

-- AlterTable
ALTER TABLE "QuickBooksConfiguration" ADD COLUMN     "inHouseInvoiceMode" "InHouseInvoiceMode" NOT NULL DEFAULT 'MANUAL';

-- CreateTable
CREATE TABLE "QuickBooksCustomerLink" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "realmId" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "customerName" TEXT NOT NULL,
    "qboCustomerId" TEXT NOT NULL,
    "qboDisplayName" TEXT NOT NULL,
    "problem" TEXT,
    "linkedByUserId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuickBooksCustomerLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuickBooksCustomerLink_realmId_qboCustomerId_idx" ON "QuickBooksCustomerLink"("realmId", "qboCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksCustomerLink_organizationId_nameKey_key" ON "QuickBooksCustomerLink"("organizationId", "nameKey");

-- AddForeignKey
ALTER TABLE "QuickBooksCustomerLink" ADD CONSTRAINT "QuickBooksCustomerLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
