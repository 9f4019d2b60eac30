-- AlterTable
ALTER TABLE "QuickBooksConfiguration" ADD COLUMN     "inHouseItemId" TEXT,
ADD COLUMN     "inHouseItemName" TEXT;
