-- CreateTable
CREATE TABLE "QuickBooksDesktopRequest" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "syncId" TEXT,
    "purpose" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "context" JSONB,
    "xml" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "outcome" TEXT,
    "statusCode" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuickBooksDesktopRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuickBooksDesktopListEntry" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "listId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "detail" TEXT,
    "readAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QuickBooksDesktopListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuickBooksDesktopListRead" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3),
    "readAt" TIMESTAMP(3),

    CONSTRAINT "QuickBooksDesktopListRead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksDesktopRequest_requestId_key" ON "QuickBooksDesktopRequest"("requestId");

-- CreateIndex
CREATE INDEX "QuickBooksDesktopRequest_organizationId_syncId_createdAt_idx" ON "QuickBooksDesktopRequest"("organizationId", "syncId", "createdAt");

-- CreateIndex
CREATE INDEX "QuickBooksDesktopRequest_sessionId_createdAt_idx" ON "QuickBooksDesktopRequest"("sessionId", "createdAt");

-- CreateIndex
CREATE INDEX "QuickBooksDesktopListEntry_organizationId_list_name_idx" ON "QuickBooksDesktopListEntry"("organizationId", "list", "name");

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksDesktopListEntry_organizationId_list_listId_key" ON "QuickBooksDesktopListEntry"("organizationId", "list", "listId");

-- CreateIndex
CREATE UNIQUE INDEX "QuickBooksDesktopListRead_organizationId_list_key" ON "QuickBooksDesktopListRead"("organizationId", "list");

-- AddForeignKey
ALTER TABLE "QuickBooksDesktopRequest" ADD CONSTRAINT "QuickBooksDesktopRequest_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuickBooksDesktopListEntry" ADD CONSTRAINT "QuickBooksDesktopListEntry_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuickBooksDesktopListRead" ADD CONSTRAINT "QuickBooksDesktopListRead_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
