-- CreateTable
CREATE TABLE "PendingImport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "userChatId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "PendingImport_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (written as ADD COLUMN: Prisma's diff rebuilds the table, which in a transaction would cascade-delete leads and history)
ALTER TABLE "Action" ADD COLUMN "label" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Action" ADD COLUMN "extras" TEXT NOT NULL DEFAULT '{}';

-- Existing actions are labelled with their number
UPDATE "Action" SET "label" = CAST("ref" AS TEXT);

-- CreateIndex
CREATE INDEX "PendingImport_partnershipId_userChatId_idx" ON "PendingImport"("partnershipId", "userChatId");

