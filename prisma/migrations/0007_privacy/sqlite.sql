-- CreateTable
CREATE TABLE "PartnershipPrivacy" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "postNotesToChannel" BOOLEAN NOT NULL DEFAULT false,
    "referralEmail" TEXT,
    "referralPhone" TEXT,
    "referralFormUrl" TEXT,
    "referralOutOfHours" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PartnershipPrivacy_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StoppedNoteCount" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "StoppedNoteCount_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PartnershipPrivacy_partnershipId_key" ON "PartnershipPrivacy"("partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "StoppedNoteCount_partnershipId_day_key" ON "StoppedNoteCount"("partnershipId", "day");

