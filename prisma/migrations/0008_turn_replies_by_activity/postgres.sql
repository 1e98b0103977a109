-- CreateTable
CREATE TABLE "TurnReply" (
    "activityKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "invokeResponse" TEXT,

    CONSTRAINT "TurnReply_pkey" PRIMARY KEY ("activityKey")
);

-- CreateIndex
CREATE INDEX "TurnReply_expiresAt_idx" ON "TurnReply"("expiresAt");
