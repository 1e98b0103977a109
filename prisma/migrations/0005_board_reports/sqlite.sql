-- CreateTable
CREATE TABLE "BoardReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "partnershipId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "meetingDate" TEXT NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "docx" BLOB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdBy" TEXT NOT NULL,
    "requestKey" TEXT,
    "createdAt" DATETIME NOT NULL,
    "approvedBy" TEXT,
    "approvedByName" TEXT,
    "approvedAt" DATETIME,
    CONSTRAINT "BoardReport_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportSettings" (
    "partnershipId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "committee" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT 'Prevent Update',
    "public" BOOLEAN NOT NULL DEFAULT true,
    "reportOf" TEXT NOT NULL DEFAULT '',
    "author" TEXT NOT NULL DEFAULT '',
    "purpose" TEXT NOT NULL DEFAULT 'For Information',
    CONSTRAINT "ReportSettings_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActionToolkitTag" (
    "actionId" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    PRIMARY KEY ("actionId", "section"),
    CONSTRAINT "ActionToolkitTag_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "BoardReport_requestKey_key" ON "BoardReport"("requestKey");

-- CreateIndex
CREATE INDEX "BoardReport_partnershipId_status_idx" ON "BoardReport"("partnershipId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "BoardReport_partnershipId_version_key" ON "BoardReport"("partnershipId", "version");


-- An approved board report is the record of what the board received: refuse any change to it.
CREATE TRIGGER "BoardReport_approved_immutable" BEFORE UPDATE ON "BoardReport"
WHEN OLD."status" = 'approved'
BEGIN
    SELECT RAISE(ABORT, 'approved board reports cannot be changed');
END;
