-- CreateEnum
CREATE TYPE "MeetingRole" AS ENUM ('HOST', 'PRESENTER', 'PARTICIPANT', 'OBSERVER');

-- CreateEnum
CREATE TYPE "TemplateScope" AS ENUM ('ORG', 'PERSONAL');

-- CreateEnum
CREATE TYPE "MeetingEndReason" AS ENUM ('EMPTY', 'ENDED_BY_HOST', 'CLOSED');

-- CreateEnum
CREATE TYPE "QualityIssueKind" AS ENUM ('PACKET_LOSS', 'HIGH_LATENCY', 'JITTER', 'LOW_BITRATE', 'CPU_LIMITED', 'FROZEN_VIDEO', 'RELAY_FALLBACK');

-- CreateEnum
CREATE TYPE "QualitySeverity" AS ENUM ('WARNING', 'CRITICAL');

-- CreateEnum
CREATE TYPE "SuspectedCause" AS ENUM ('OWN_DOWNLINK', 'SENDER_UPLINK', 'LOCAL_CPU', 'NETWORK_PATH', 'UNKNOWN');

-- AlterTable
ALTER TABLE "Room" ADD COLUMN     "lastMeetingEndedAt" TIMESTAMP(3),
ADD COLUMN     "policy" JSONB,
ADD COLUMN     "templateId" TEXT;

-- CreateTable
CREATE TABLE "RoomTemplate" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "scope" "TemplateScope" NOT NULL,
    "ownerId" TEXT,
    "seedKey" TEXT,
    "policy" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoomTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledMeeting" (
    "id" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "organizerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "timeZone" TEXT NOT NULL,
    "weeklyOccurrences" INTEGER NOT NULL DEFAULT 1,
    "icsUid" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScheduledMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledMeetingInvitee" (
    "scheduledMeetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ScheduledMeetingInvitee_pkey" PRIMARY KEY ("scheduledMeetingId","userId")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "roomId" TEXT,
    "title" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "endReason" "MeetingEndReason",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participation" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT,
    "displayName" TEXT NOT NULL,
    "role" "MeetingRole" NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL,
    "leftAt" TIMESTAMP(3),
    "admittedById" TEXT,
    "leaveReason" TEXT,

    CONSTRAINT "Participation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleChange" (
    "id" TEXT NOT NULL,
    "participationId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "fromRole" "MeetingRole" NOT NULL,
    "toRole" "MeetingRole" NOT NULL,
    "byId" TEXT,

    CONSTRAINT "RoleChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IngestBatch" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "items" INTEGER NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IngestBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualitySample" (
    "id" BIGSERIAL NOT NULL,
    "meetingId" TEXT NOT NULL,
    "participationId" TEXT NOT NULL,
    "peerParticipationId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "lossPct" DOUBLE PRECISION,
    "jitterMs" DOUBLE PRECISION,
    "rttMs" DOUBLE PRECISION,
    "bitrateInKbps" DOUBLE PRECISION,
    "bitrateOutKbps" DOUBLE PRECISION,
    "frameWidth" INTEGER,
    "frameHeight" INTEGER,
    "fps" DOUBLE PRECISION,
    "qualityLimitation" TEXT,
    "codec" TEXT,
    "candidateType" TEXT,
    "score" INTEGER NOT NULL,

    CONSTRAINT "QualitySample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParticipantQualityMinute" (
    "meetingId" TEXT NOT NULL,
    "participationId" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "samples" INTEGER NOT NULL,
    "poorSamples" INTEGER NOT NULL,
    "scoreSum" INTEGER NOT NULL,
    "lossPctSum" DOUBLE PRECISION NOT NULL,
    "lossPctMax" DOUBLE PRECISION NOT NULL,
    "jitterMsSum" DOUBLE PRECISION NOT NULL,
    "rttMsSum" DOUBLE PRECISION NOT NULL,
    "bitrateInKbpsSum" DOUBLE PRECISION NOT NULL,
    "bitrateOutKbpsSum" DOUBLE PRECISION NOT NULL,
    "fpsSum" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ParticipantQualityMinute_pkey" PRIMARY KEY ("participationId","minute")
);

-- CreateTable
CREATE TABLE "MeetingQualityMinute" (
    "meetingId" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "samples" INTEGER NOT NULL,
    "poorSamples" INTEGER NOT NULL,
    "scoreSum" INTEGER NOT NULL,
    "lossPctSum" DOUBLE PRECISION NOT NULL,
    "rttMsSum" DOUBLE PRECISION NOT NULL,
    "jitterMsSum" DOUBLE PRECISION NOT NULL,
    "participants" INTEGER NOT NULL,

    CONSTRAINT "MeetingQualityMinute_pkey" PRIMARY KEY ("meetingId","minute")
);

-- CreateTable
CREATE TABLE "QualityIssue" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "kind" "QualityIssueKind" NOT NULL,
    "severity" "QualitySeverity" NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3) NOT NULL,
    "affectedIds" TEXT[],
    "suspectedCause" "SuspectedCause" NOT NULL,
    "causeParticipationId" TEXT,
    "evidence" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualityIssue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeatureEvent" (
    "id" BIGSERIAL NOT NULL,
    "meetingId" TEXT NOT NULL,
    "participationId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "feature" TEXT NOT NULL,
    "detail" TEXT,

    CONSTRAINT "FeatureEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "severity" "QualitySeverity" NOT NULL,
    "title" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "meetingId" TEXT,
    "data" JSONB,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "webhookStatus" TEXT,
    "webhookAttempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RoomTemplate_seedKey_key" ON "RoomTemplate"("seedKey");

-- CreateIndex
CREATE INDEX "RoomTemplate_scope_name_idx" ON "RoomTemplate"("scope", "name");

-- CreateIndex
CREATE INDEX "RoomTemplate_ownerId_idx" ON "RoomTemplate"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledMeeting_icsUid_key" ON "ScheduledMeeting"("icsUid");

-- CreateIndex
CREATE INDEX "ScheduledMeeting_roomId_idx" ON "ScheduledMeeting"("roomId");

-- CreateIndex
CREATE INDEX "ScheduledMeeting_organizerId_startsAt_idx" ON "ScheduledMeeting"("organizerId", "startsAt");

-- CreateIndex
CREATE INDEX "ScheduledMeeting_startsAt_idx" ON "ScheduledMeeting"("startsAt");

-- CreateIndex
CREATE INDEX "ScheduledMeetingInvitee_userId_idx" ON "ScheduledMeetingInvitee"("userId");

-- CreateIndex
CREATE INDEX "Meeting_startedAt_idx" ON "Meeting"("startedAt");

-- CreateIndex
CREATE INDEX "Meeting_roomId_startedAt_idx" ON "Meeting"("roomId", "startedAt");

-- CreateIndex
CREATE INDEX "Participation_meetingId_joinedAt_idx" ON "Participation"("meetingId", "joinedAt");

-- CreateIndex
CREATE INDEX "Participation_userId_joinedAt_idx" ON "Participation"("userId", "joinedAt");

-- CreateIndex
CREATE INDEX "RoleChange_participationId_at_idx" ON "RoleChange"("participationId", "at");

-- CreateIndex
CREATE INDEX "IngestBatch_receivedAt_idx" ON "IngestBatch"("receivedAt");

-- CreateIndex
CREATE INDEX "QualitySample_meetingId_at_idx" ON "QualitySample"("meetingId", "at");

-- CreateIndex
CREATE INDEX "QualitySample_at_idx" ON "QualitySample"("at");

-- CreateIndex
CREATE INDEX "ParticipantQualityMinute_meetingId_minute_idx" ON "ParticipantQualityMinute"("meetingId", "minute");

-- CreateIndex
CREATE INDEX "ParticipantQualityMinute_minute_idx" ON "ParticipantQualityMinute"("minute");

-- CreateIndex
CREATE INDEX "MeetingQualityMinute_minute_idx" ON "MeetingQualityMinute"("minute");

-- CreateIndex
CREATE INDEX "QualityIssue_meetingId_startedAt_idx" ON "QualityIssue"("meetingId", "startedAt");

-- CreateIndex
CREATE INDEX "QualityIssue_startedAt_kind_idx" ON "QualityIssue"("startedAt", "kind");

-- CreateIndex
CREATE INDEX "FeatureEvent_meetingId_at_idx" ON "FeatureEvent"("meetingId", "at");

-- CreateIndex
CREATE INDEX "FeatureEvent_at_feature_idx" ON "FeatureEvent"("at", "feature");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_dedupeKey_key" ON "Alert"("dedupeKey");

-- CreateIndex
CREATE INDEX "Alert_createdAt_idx" ON "Alert"("createdAt");

-- CreateIndex
CREATE INDEX "Alert_readAt_idx" ON "Alert"("readAt");

-- AddForeignKey
ALTER TABLE "Room" ADD CONSTRAINT "Room_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "RoomTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoomTemplate" ADD CONSTRAINT "RoomTemplate_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledMeeting" ADD CONSTRAINT "ScheduledMeeting_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledMeeting" ADD CONSTRAINT "ScheduledMeeting_organizerId_fkey" FOREIGN KEY ("organizerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledMeetingInvitee" ADD CONSTRAINT "ScheduledMeetingInvitee_scheduledMeetingId_fkey" FOREIGN KEY ("scheduledMeetingId") REFERENCES "ScheduledMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScheduledMeetingInvitee" ADD CONSTRAINT "ScheduledMeetingInvitee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleChange" ADD CONSTRAINT "RoleChange_participationId_fkey" FOREIGN KEY ("participationId") REFERENCES "Participation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualitySample" ADD CONSTRAINT "QualitySample_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParticipantQualityMinute" ADD CONSTRAINT "ParticipantQualityMinute_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingQualityMinute" ADD CONSTRAINT "MeetingQualityMinute_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityIssue" ADD CONSTRAINT "QualityIssue_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FeatureEvent" ADD CONSTRAINT "FeatureEvent_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;
