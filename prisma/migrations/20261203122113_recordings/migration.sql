-- CreateEnum
CREATE TYPE "RecordingStatus" AS ENUM ('RECORDING', 'PROCESSING', 'READY', 'FAILED');

-- CreateTable
CREATE TABLE "Recording" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "part" INTEGER NOT NULL,
    "startedById" TEXT,
    "recorderParticipantId" TEXT,
    "stoppedById" TEXT,
    "stopReason" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "durationMs" INTEGER,
    "size" BIGINT,
    "sha256" TEXT,
    "receivedSha256" TEXT,
    "mimeType" TEXT NOT NULL,
    "status" "RecordingStatus" NOT NULL DEFAULT 'RECORDING',
    "failureReason" TEXT,
    "storageKey" TEXT,
    "uploadedBytes" BIGINT NOT NULL DEFAULT 0,
    "lastUploadAt" TIMESTAMP(3),
    "uploadFinishedAt" TIMESTAMP(3),
    "retainUntil" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recording_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Recording_storageKey_key" ON "Recording"("storageKey");

-- CreateIndex
CREATE INDEX "Recording_roomId_startedAt_idx" ON "Recording"("roomId", "startedAt");

-- CreateIndex
CREATE INDEX "Recording_meetingId_part_idx" ON "Recording"("meetingId", "part");

-- CreateIndex
CREATE INDEX "Recording_status_lastUploadAt_idx" ON "Recording"("status", "lastUploadAt");

-- CreateIndex
CREATE INDEX "Recording_retainUntil_idx" ON "Recording"("retainUntil");

-- AddForeignKey
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
