-- CreateEnum
CREATE TYPE "QuickBooksTransport" AS ENUM ('ONLINE', 'DESKTOP');

-- AlterTable
ALTER TABLE "QuickBooksConnection" ADD COLUMN     "transport" "QuickBooksTransport" NOT NULL DEFAULT 'ONLINE';

-- CreateTable
CREATE TABLE "QuickBooksDesktopCredential" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "passwordSetAt" TIMESTAMP(3) NOT NULL,
    "lastContactAt" TIMESTAMP(3),
    "companyFileName" TEXT,
    "qbXmlVersion" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuickBooksDesktopCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuickBooksDesktopSession" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "ticketHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "companyFileName" TEXT,
    "qbXmlMajor" INTEGER,
    "qbXmlMinor" INTEGER,

    CONSTRAINT "QuickBooksDesktopSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksDesktopCredential_organizationId_key" ON "QuickBooksDesktopCredential"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksDesktopCredential_userName_key" ON "QuickBooksDesktopCredential"("userName");

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksDesktopSession_ticketHash_key" ON "QuickBooksDesktopSession"("ticketHash");

-- CreateIndex
CREATE INDEX "QuickBooksDesktopSession_organizationId_createdAt_idx" ON "QuickBooksDesktopSession"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "QuickBooksDesktopCredential" ADD CONSTRAINT "QuickBooksDesktopCredential_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuickBooksDesktopSession" ADD CONSTRAINT "QuickBooksDesktopSession_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuickBooksDesktopSession" ADD CONSTRAINT "QuickBooksDesktopSession_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "QuickBooksConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
