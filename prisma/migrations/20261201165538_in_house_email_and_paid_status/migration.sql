-- AlterEnum
ALTER TYPE "QuickBooksDocumentKind" ADD VALUE 'INVOICE_EMAIL';

-- AlterTable
ALTER TABLE "QuickBooksConfiguration" ADD COLUMN     "emailInHouseInvoices" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "QuickBooksSync" ADD COLUMN     "qboCheckedAt" TIMESTAMP(3);
