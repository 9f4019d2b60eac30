-- AlterTable
ALTER TABLE "QuickBooksCustomerLink" ADD COLUMN     "itemId" TEXT,
ADD COLUMN     "itemName" TEXT;
