-- Plans over time: one live plan per partnership, the rest drafts (not yet live) or archived (read-only, still answerable).
ALTER TABLE "Plan" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'live';
ALTER TABLE "Plan" ADD COLUMN "liveSince" DATETIME;
ALTER TABLE "Plan" ADD COLUMN "archivedAt" DATETIME;

-- An action carried over from an earlier plan ("start next year's plan") points at the action it came from.
ALTER TABLE "Action" ADD COLUMN "carriedFromActionId" INTEGER REFERENCES "Action" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Existing databases: the plan the bot used until now (the one imported last) stays live; the others are archived.
UPDATE "Plan" SET "status" = 'archived', "archivedAt" = "importedAt"
WHERE "id" <> (SELECT x."id" FROM "Plan" x WHERE x."partnershipId" = "Plan"."partnershipId" ORDER BY x."importedAt" DESC, x."id" DESC LIMIT 1);
UPDATE "Plan" SET "liveSince" = "importedAt" WHERE "status" = 'live';

CREATE INDEX "Plan_partnershipId_status_idx" ON "Plan"("partnershipId", "status");
-- At most one live plan per partnership, whatever instance makes a plan live (not expressible in schema.prisma).
CREATE UNIQUE INDEX "Plan_one_live_per_partnership" ON "Plan"("partnershipId") WHERE "status" = 'live';
