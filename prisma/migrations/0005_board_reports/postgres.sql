-- CreateTable
CREATE TABLE "BoardReport" (
    "id" SERIAL NOT NULL,
    "partnershipId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "meetingDate" TEXT NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "docx" BYTEA NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "createdBy" TEXT NOT NULL,
    "requestKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "approvedBy" TEXT,
    "approvedByName" TEXT,
    "approvedAt" TIMESTAMP(3),

    CONSTRAINT "BoardReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportSettings" (
    "partnershipId" INTEGER NOT NULL,
    "committee" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT 'Prevent Update',
    "public" BOOLEAN NOT NULL DEFAULT true,
    "reportOf" TEXT NOT NULL DEFAULT '',
    "author" TEXT NOT NULL DEFAULT '',
    "purpose" TEXT NOT NULL DEFAULT 'For Information',

    CONSTRAINT "ReportSettings_pkey" PRIMARY KEY ("partnershipId")
);

-- CreateTable
CREATE TABLE "ActionToolkitTag" (
    "actionId" INTEGER NOT NULL,
    "section" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "ActionToolkitTag_pkey" PRIMARY KEY ("actionId","section")
);

-- CreateIndex
CREATE UNIQUE INDEX "BoardReport_requestKey_key" ON "BoardReport"("requestKey");

-- CreateIndex
CREATE INDEX "BoardReport_partnershipId_status_idx" ON "BoardReport"("partnershipId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "BoardReport_partnershipId_version_key" ON "BoardReport"("partnershipId", "version");

-- AddForeignKey
ALTER TABLE "BoardReport" ADD CONSTRAINT "BoardReport_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSettings" ADD CONSTRAINT "ReportSettings_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionToolkitTag" ADD CONSTRAINT "ActionToolkitTag_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- An approved board report is the record of what the board received: refuse any change to it.
CREATE FUNCTION "BoardReport_refuse_change"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'approved board reports cannot be changed';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "BoardReport_approved_immutable" BEFORE UPDATE ON "BoardReport"
FOR EACH ROW WHEN (OLD."status" = 'approved') EXECUTE FUNCTION "BoardReport_refuse_change"();
