-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "extras" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "label" TEXT NOT NULL DEFAULT '';


-- Existing actions are labelled with their number
UPDATE "Action" SET "label" = CAST("ref" AS TEXT);
