-- AlterTable (written as ADD COLUMN: Prisma's diff rebuilds the table, which in a transaction would cascade-delete leads and history)
-- A named owner of an action: one person of the partnership; erasing the person clears it.
ALTER TABLE "Action" ADD COLUMN "ownerId" INTEGER REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable: who made a change by stable id, and what an edit changed from what
ALTER TABLE "ActionUpdate" ADD COLUMN "actorPersonId" INTEGER;
ALTER TABLE "ActionUpdate" ADD COLUMN "changes" TEXT NOT NULL DEFAULT '[]';
