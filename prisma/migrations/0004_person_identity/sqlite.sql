-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorPersonId" INTEGER,
    "actorLabel" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "AuditEntry_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "aadObjectId" TEXT,
    "tenantId" TEXT,
    "chatId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT,
    "userPrincipalName" TEXT,
    "guest" BOOLEAN NOT NULL DEFAULT false,
    "rosterSeenAt" DATETIME,
    "removedAt" DATETIME,
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
INSERT INTO "new_Person" ("chatId", "createdAt", "digestDay", "digestEnabled", "digestTime", "displayName", "email", "id", "organisationId", "panelMember", "partnershipId", "role") SELECT "chatId", "createdAt", "digestDay", "digestEnabled", "digestTime", "displayName", "email", "id", "organisationId", "panelMember", "partnershipId", "role" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE UNIQUE INDEX "Person_partnershipId_chatId_key" ON "Person"("partnershipId", "chatId");
CREATE UNIQUE INDEX "Person_partnershipId_aadObjectId_key" ON "Person"("partnershipId", "aadObjectId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AuditEntry_partnershipId_at_idx" ON "AuditEntry"("partnershipId", "at");


-- Data: a chat id that is an Entra object id becomes the person's key; an email on a bound person was never
-- confirmed by Teams (it came from a grant), so it is cleared until the roster confirms one.
UPDATE "Person" SET "aadObjectId" = lower("chatId")
WHERE length("chatId") = 36 AND lower("chatId") GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]';
UPDATE "Person" SET "email" = NULL WHERE "chatId" NOT LIKE 'pending:%';
