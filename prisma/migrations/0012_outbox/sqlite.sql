-- AlterTable
ALTER TABLE "ConversationRef" ADD COLUMN "inactiveReason" TEXT;

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "conversationId" TEXT,
    "personId" INTEGER,
    "recipient" TEXT NOT NULL,
    "reply" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "roundId" INTEGER,
    "onFailure" TEXT,
    "createdAt" DATETIME NOT NULL,
    "availableAt" DATETIME,
    "leasedBy" TEXT,
    "leaseUntil" DATETIME,
    "sentAt" DATETIME,
    CONSTRAINT "OutboxMessage_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_key_key" ON "OutboxMessage"("key");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_availableAt_idx" ON "OutboxMessage"("status", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_partnershipId_status_idx" ON "OutboxMessage"("partnershipId", "status");

