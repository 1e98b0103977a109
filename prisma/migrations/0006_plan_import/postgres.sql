-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "extras" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "label" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "PendingImport" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "userChatId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PendingImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PendingImport_partnershipId_userChatId_idx" ON "PendingImport"("partnershipId", "userChatId");

-- AddForeignKey
ALTER TABLE "PendingImport" ADD CONSTRAINT "PendingImport_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Existing actions are labelled with their number
UPDATE "Action" SET "label" = CAST("ref" AS TEXT);
