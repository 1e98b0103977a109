-- CreateTable
CREATE TABLE "PartnershipPrivacy" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "postNotesToChannel" BOOLEAN NOT NULL DEFAULT false,
    "referralEmail" TEXT,
    "referralPhone" TEXT,
    "referralFormUrl" TEXT,
    "referralOutOfHours" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnershipPrivacy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoppedNoteCount" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StoppedNoteCount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PartnershipPrivacy_partnershipId_key" ON "PartnershipPrivacy"("partnershipId");

-- CreateIndex
CREATE UNIQUE INDEX "StoppedNoteCount_partnershipId_day_key" ON "StoppedNoteCount"("partnershipId", "day");

-- AddForeignKey
ALTER TABLE "PartnershipPrivacy" ADD CONSTRAINT "PartnershipPrivacy_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoppedNoteCount" ADD CONSTRAINT "StoppedNoteCount_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

