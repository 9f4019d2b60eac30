-- CreateEnum
CREATE TYPE "PayoutType" AS ENUM ('WEEKLY', 'FASTPAY');

-- AlterEnum
ALTER TYPE "QuickBooksDocumentKind" ADD VALUE 'DEPOSIT';

-- AlterTable
ALTER TABLE "Payout" ADD COLUMN     "type" "PayoutType" NOT NULL DEFAULT 'WEEKLY';

-- AlterTable
ALTER TABLE "PayoutLine" ADD COLUMN     "paidEarlierByPayoutId" TEXT;

-- AlterTable
ALTER TABLE "PayoutDeduction" ADD COLUMN     "jobId" TEXT;

-- AlterTable
ALTER TABLE "QuickBooksConfiguration" ADD COLUMN     "adjustmentAccountId" TEXT,
ADD COLUMN     "adjustmentAccountName" TEXT,
ADD COLUMN     "advanceCardAccountId" TEXT,
ADD COLUMN     "advanceCardAccountName" TEXT,
ADD COLUMN     "bankAccountId" TEXT,
ADD COLUMN     "bankAccountName" TEXT,
ADD COLUMN     "bnplAccountId" TEXT,
ADD COLUMN     "bnplAccountName" TEXT,
ADD COLUMN     "depositsEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "fastPayFeeAccountId" TEXT,
ADD COLUMN     "fastPayFeeAccountName" TEXT;

-- AddForeignKey
ALTER TABLE "PayoutDeduction" ADD CONSTRAINT "PayoutDeduction_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE SET NULL ON UPDATE CASCADE;
