-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "liveSince" TIMESTAMP(3),
ADD COLUMN     "status" TEXT NOT NULL DEFAULT 'live';

-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "carriedFromActionId" INTEGER;

-- CreateIndex
CREATE INDEX "Plan_partnershipId_status_idx" ON "Plan"("partnershipId", "status");

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_carriedFromActionId_fkey" FOREIGN KEY ("carriedFromActionId") REFERENCES "Action"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Existing databases: the plan the bot used until now (the one imported last) stays live; the others are archived.
UPDATE "Plan" SET "status" = 'archived', "archivedAt" = "importedAt"
WHERE "id" <> (SELECT x."id" FROM "Plan" x WHERE x."partnershipId" = "Plan"."partnershipId" ORDER BY x."importedAt" DESC, x."id" DESC LIMIT 1);
UPDATE "Plan" SET "liveSince" = "importedAt" WHERE "status" = 'live';

-- At most one live plan per partnership, whatever instance makes a plan live (not expressible in schema.prisma).
CREATE UNIQUE INDEX "Plan_one_live_per_partnership" ON "Plan"("partnershipId") WHERE "status" = 'live';
