-- AlterTable
ALTER TABLE "QuickBooksSync" ADD COLUMN     "qboDueDate" TEXT,
ADD COLUMN     "qboTaxCents" INTEGER,
ADD COLUMN     "qboTermName" TEXT;
