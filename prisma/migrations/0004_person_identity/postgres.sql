-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "aadObjectId" TEXT,
ADD COLUMN     "guest" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "removedAt" TIMESTAMP(3),
ADD COLUMN     "rosterSeenAt" TIMESTAMP(3),
ADD COLUMN     "tenantId" TEXT,
ADD COLUMN     "userPrincipalName" TEXT;

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorPersonId" INTEGER,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_partnershipId_at_idx" ON "AuditEntry"("partnershipId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Person_partnershipId_aadObjectId_key" ON "Person"("partnershipId", "aadObjectId");

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Data: a chat id that is an Entra object id becomes the person's key; an email on a bound person was never
-- confirmed by Teams (it came from a grant), so it is cleared until the roster confirms one.
UPDATE "Person" SET "aadObjectId" = lower("chatId")
WHERE "chatId" ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
UPDATE "Person" SET "email" = NULL WHERE "chatId" NOT LIKE 'pending:%';
