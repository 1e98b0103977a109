-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "slackTeamId" TEXT;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "slackTeamId" TEXT,
ADD COLUMN     "slackUserId" TEXT;

-- AlterTable
ALTER TABLE "ConversationRef" ADD COLUMN     "platform" TEXT NOT NULL DEFAULT 'teams';

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_slackTeamId_key" ON "Partnership"("slackTeamId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_partnershipId_slackTeamId_slackUserId_key" ON "Person"("partnershipId", "slackTeamId", "slackUserId");

