-- Slack as a second front end (issue 20): a partnership's Slack workspace, people's Slack ids, and which
-- platform delivers to each stored conversation. Written by hand as ADD COLUMN (no table rebuilds).

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN "slackTeamId" TEXT;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN "slackTeamId" TEXT;
ALTER TABLE "Person" ADD COLUMN "slackUserId" TEXT;

-- AlterTable
ALTER TABLE "ConversationRef" ADD COLUMN "platform" TEXT NOT NULL DEFAULT 'teams';

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_slackTeamId_key" ON "Partnership"("slackTeamId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_partnershipId_slackTeamId_slackUserId_key" ON "Person"("partnershipId", "slackTeamId", "slackUserId");
