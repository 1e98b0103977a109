-- AlterTable (written as ADD COLUMN: Prisma's diff rebuilds the table, which in a transaction would cascade-delete leads and history)
ALTER TABLE "Action" ADD COLUMN "label" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Action" ADD COLUMN "extras" TEXT NOT NULL DEFAULT '{}';

-- Existing actions are labelled with their number
UPDATE "Action" SET "label" = CAST("ref" AS TEXT);
