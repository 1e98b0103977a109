-- CreateTable
CREATE TABLE "TurnReply" (
    "activityKey" TEXT NOT NULL PRIMARY KEY,
    "status" TEXT NOT NULL DEFAULT 'running',
    "claimedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "invokeResponse" TEXT
);

-- CreateIndex
CREATE INDEX "TurnReply_expiresAt_idx" ON "TurnReply"("expiresAt");
