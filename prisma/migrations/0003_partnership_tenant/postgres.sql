-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "tenantId" TEXT;

-- CreateIndex
CREATE INDEX "Partnership_tenantId_idx" ON "Partnership"("tenantId");

