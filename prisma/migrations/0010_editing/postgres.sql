-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "ownerId" INTEGER;

-- AlterTable
ALTER TABLE "ActionUpdate" ADD COLUMN     "actorPersonId" INTEGER,
ADD COLUMN     "changes" TEXT NOT NULL DEFAULT '[]';

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

