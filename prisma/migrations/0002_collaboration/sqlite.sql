-- CreateTable
CREATE TABLE "ConversationRef" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "conversationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "serviceUrl" TEXT NOT NULL,
    "tenantId" TEXT,
    "userChatId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "announcements" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConversationRef_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DialogState" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "conversationId" TEXT NOT NULL,
    "userChatId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "DialogState_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UpdateRound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "meetingDate" TEXT NOT NULL,
    "deadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdBy" TEXT NOT NULL,
    "createdByChatId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "reminderSentAt" DATETIME,
    "closedAt" DATETIME,
    CONSTRAINT "UpdateRound_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UpdateRoundItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "actionId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "answeredAt" DATETIME,
    "updateId" INTEGER,
    CONSTRAINT "UpdateRoundItem_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "UpdateRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UpdateRoundItem_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UpdateRoundItem_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Schedule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "recurrence" TEXT NOT NULL,
    "time" TEXT NOT NULL,
    "leadMinutes" TEXT NOT NULL DEFAULT '[10080,1440]',
    "conversationId" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Schedule_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "jobKey" TEXT NOT NULL,
    "occurrence" TEXT NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "finishedAt" DATETIME,
    "detail" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "CaseReview" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "caseRef" TEXT NOT NULL,
    "interventionStart" TEXT NOT NULL,
    "reviewDue" TEXT NOT NULL,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CaseReview_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderMute" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "actionId" INTEGER,
    "until" TEXT NOT NULL,
    CONSTRAINT "ReminderMute_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReminderMute_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "chatId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "organisationId" INTEGER,
    "role" TEXT NOT NULL DEFAULT 'member',
    "panelMember" BOOLEAN NOT NULL DEFAULT false,
    "digestDay" INTEGER NOT NULL DEFAULT 1,
    "digestTime" TEXT NOT NULL DEFAULT '09:00',
    "digestEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Person_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Person_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Person" ("chatId", "createdAt", "displayName", "email", "id", "organisationId", "partnershipId", "role") SELECT "chatId", "createdAt", "displayName", "email", "id", "organisationId", "partnershipId", "role" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE UNIQUE INDEX "Person_partnershipId_chatId_key" ON "Person"("partnershipId", "chatId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

