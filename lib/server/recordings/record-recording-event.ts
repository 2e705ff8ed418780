import "server-only";
import type { prisma } from "@/lib/db/prisma";
import { recordingRetainUntil } from "@/lib/domain/recording-lifecycle";
import { readRoomPolicy } from "@/lib/domain/room-policy";
import type { MeetingRecordEvent } from "@/lib/internal-api/meeting-records";

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];
type RecordingStarted = Extract<MeetingRecordEvent, { type: "recording-started" }>;
type RecordingStopped = Extract<MeetingRecordEvent, { type: "recording-stopped" }>;

/** A feature-usage fact for the analytics (FeatureEvent "recording" on/off), written once however often replayed. */
async function noteFeature(tx: Tx, meetingId: string, participationId: string, at: Date, detail: "on" | "off") {
  const seen = await tx.featureEvent.findFirst({ where: { meetingId, participationId, at, feature: "recording", detail }, select: { id: true } });
  if (!seen) await tx.featureEvent.create({ data: { meetingId, participationId, at, feature: "recording", detail } });
}

/**
 * The room said a recording started. Its row may exist already (the recorder's upload can be created before this
 * batch arrives) or not (the upload may never come): either way the facts PartyKit decided are written here.
 * The caller has made sure the Meeting row exists.
 */
export async function recordRecordingStarted(tx: Tx, event: RecordingStarted, roomId: string | null): Promise<void> {
  const at = new Date(event.at);
  await noteFeature(tx, event.meetingId, event.participantId, at, "on");
  // A recording of a room already deleted has nowhere to be listed; its upload is refused the same way.
  if (roomId === null) return;
  const user = await tx.user.findUnique({ where: { id: event.userId }, select: { id: true } });
  await tx.recording.upsert({
    where: { id: event.recordingId },
    create: {
      id: event.recordingId,
      roomId,
      meetingId: event.meetingId,
      part: event.part,
      startedById: user?.id ?? null,
      recorderParticipantId: event.participantId,
      startedAt: at,
      mimeType: "video/webm",
    },
    // The room's word on who and when wins over what the upload's creation guessed.
    update: { part: event.part, startedAt: at, recorderParticipantId: event.participantId },
  });
}

/**
 * The room said a recording stopped: it will get no more bytes worth waiting long for. Returns whether its upload
 * has already finished, so the caller can finalize it right after the commit (otherwise the sweep does, once the
 * upload has gone quiet).
 */
export async function recordRecordingStopped(tx: Tx, event: RecordingStopped): Promise<{ finalizeNow: boolean }> {
  const at = new Date(event.at);
  const recording = await tx.recording.findUnique({
    where: { id: event.recordingId },
    select: { recorderParticipantId: true, uploadFinishedAt: true, status: true, retainUntil: true, deletedAt: true, room: { select: { policy: true } } },
  });
  if (recording?.recorderParticipantId) await noteFeature(tx, event.meetingId, event.by ?? recording.recorderParticipantId, at, "off");
  if (!recording) return { finalizeNow: false };
  // First stop wins: a replay changes nothing. A finalize that ran before the stop arrived guessed the end from
  // the last bytes; the room's time replaces the guess, and the retention date moves with it.
  const retainUntil = recording.retainUntil && !recording.deletedAt ? recordingRetainUntil(at, readRoomPolicy(recording.room.policy).recordingRetentionDays) : undefined;
  await tx.recording.updateMany({ where: { id: event.recordingId, stopReason: null }, data: { endedAt: at, stopReason: event.reason, stoppedById: event.by, retainUntil } });
  return { finalizeNow: recording.status === "RECORDING" && recording.uploadFinishedAt !== null };
}
