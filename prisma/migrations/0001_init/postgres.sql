-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Partnership" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "period" TEXT NOT NULL DEFAULT '',
    "objectives" TEXT NOT NULL DEFAULT '[]',
    "sourceFile" TEXT NOT NULL DEFAULT '',
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "themeId" INTEGER NOT NULL,
    "ref" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "deadlineText" TEXT NOT NULL DEFAULT '',
    "dueDate" TEXT,
    "recurrence" TEXT,
    "outcome" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "rag" TEXT NOT NULL DEFAULT 'UNRATED',
    "target" INTEGER,
    "progress" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT NOT NULL DEFAULT '[]',

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionLead" (
    "actionId" INTEGER NOT NULL,
    "organisationId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ActionLead_pkey" PRIMARY KEY ("actionId","organisationId")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "chatId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "organisationId" INTEGER,
    "role" TEXT NOT NULL DEFAULT 'member',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionUpdate" (
    "id" SERIAL NOT NULL,
    "actionId" INTEGER NOT NULL,
    "actorName" TEXT NOT NULL,
    "actorChatId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ragFrom" TEXT NOT NULL,
    "ragTo" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "progress" INTEGER,
    "source" TEXT NOT NULL,
    "idempotencyKey" TEXT,

    CONSTRAINT "ActionUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_name_key" ON "Partnership"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_partnershipId_title_key" ON "Plan"("partnershipId", "title");

-- CreateIndex
CREATE UNIQUE INDEX "Theme_planId_name_key" ON "Theme"("planId", "name");

-- CreateIndex
CREATE INDEX "Action_planId_rag_idx" ON "Action"("planId", "rag");

-- CreateIndex
CREATE UNIQUE INDEX "Action_planId_ref_key" ON "Action"("planId", "ref");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_partnershipId_name_key" ON "Organisation"("partnershipId", "name");

-- CreateIndex
CREATE INDEX "ActionLead_organisationId_idx" ON "ActionLead"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_partnershipId_chatId_key" ON "Person"("partnershipId", "chatId");

-- CreateIndex
CREATE UNIQUE INDEX "ActionUpdate_idempotencyKey_key" ON "ActionUpdate"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ActionUpdate_actionId_at_idx" ON "ActionUpdate"("actionId", "at");

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionLead" ADD CONSTRAINT "ActionLead_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionLead" ADD CONSTRAINT "ActionLead_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionUpdate" ADD CONSTRAINT "ActionUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

