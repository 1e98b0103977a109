-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "digestDay" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "digestEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "digestTime" TEXT NOT NULL DEFAULT '09:00',
ADD COLUMN     "panelMember" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ConversationRef" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "conversationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "serviceUrl" TEXT NOT NULL,
    "tenantId" TEXT,
    "userChatId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "announcements" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationRef_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DialogState" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "conversationId" TEXT NOT NULL,
    "userChatId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DialogState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpdateRound" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "meetingDate" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdBy" TEXT NOT NULL,
    "createdByChatId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "reminderSentAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "UpdateRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UpdateRoundItem" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "actionId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "answeredAt" TIMESTAMP(3),
    "updateId" INTEGER,

    CONSTRAINT "UpdateRoundItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Schedule" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "recurrence" TEXT NOT NULL,
    "time" TEXT NOT NULL,
    "leadMinutes" TEXT NOT NULL DEFAULT '[10080,1440]',
    "conversationId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Schedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" SERIAL NOT NULL,
    "jobKey" TEXT NOT NULL,
    "occurrence" TEXT NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "finishedAt" TIMESTAMP(3),
    "detail" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseReview" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "caseRef" TEXT NOT NULL,
    "interventionStart" TEXT NOT NULL,
    "reviewDue" TEXT NOT NULL,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderMute" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "actionId" INTEGER,
    "until" TEXT NOT NULL,

    CONSTRAINT "ReminderMute_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConversationRef_conversationId_key" ON "ConversationRef"("conversationId");

-- CreateIndex
CREATE INDEX "ConversationRef_partnershipId_kind_idx" ON "ConversationRef"("partnershipId", "kind");

-- CreateIndex
CREATE INDEX "ConversationRef_userChatId_idx" ON "ConversationRef"("userChatId");

-- CreateIndex
CREATE UNIQUE INDEX "DialogState_conversationId_userChatId_key" ON "DialogState"("conversationId", "userChatId");

-- CreateIndex
CREATE INDEX "UpdateRound_partnershipId_status_idx" ON "UpdateRound"("partnershipId", "status");

-- CreateIndex
CREATE INDEX "UpdateRoundItem_personId_status_idx" ON "UpdateRoundItem"("personId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "UpdateRoundItem_roundId_actionId_personId_key" ON "UpdateRoundItem"("roundId", "actionId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "JobRun_jobKey_occurrence_key" ON "JobRun"("jobKey", "occurrence");

-- CreateIndex
CREATE UNIQUE INDEX "CaseReview_partnershipId_caseRef_key" ON "CaseReview"("partnershipId", "caseRef");

-- CreateIndex
CREATE INDEX "ReminderMute_personId_idx" ON "ReminderMute"("personId");

-- AddForeignKey
ALTER TABLE "ConversationRef" ADD CONSTRAINT "ConversationRef_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DialogState" ADD CONSTRAINT "DialogState_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateRound" ADD CONSTRAINT "UpdateRound_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateRoundItem" ADD CONSTRAINT "UpdateRoundItem_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "UpdateRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateRoundItem" ADD CONSTRAINT "UpdateRoundItem_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UpdateRoundItem" ADD CONSTRAINT "UpdateRoundItem_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseReview" ADD CONSTRAINT "CaseReview_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderMute" ADD CONSTRAINT "ReminderMute_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderMute" ADD CONSTRAINT "ReminderMute_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

