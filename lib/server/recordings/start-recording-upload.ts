import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import type { PartyPresence } from "@/lib/internal-api/party-control";
import { RECORDING_MIME_TYPES } from "@/lib/recording/upload-protocol";
import { AppError, forbidden } from "@/lib/server/http/app-error";

export const recordingUploadMetadataSchema = z.object({
  recordingId: z.uuid(),
  roomId: z.string().min(1).max(64),
  mimeType: z.enum(RECORDING_MIME_TYPES, { message: `mimeType must be one of ${RECORDING_MIME_TYPES.join(", ")}` }),
});
export type RecordingUploadMetadata = z.infer<typeof recordingUploadMetadataSchema>;

/** PartyKit's answer about where a user stands in a room (lib/server/party/query-party-presence.ts in the app). */
export type PresenceQuery = (roomId: string, userId: string) => Promise<PartyPresence>;

/**
 * The recorder's browser opens the upload of a recording. Only the person the meeting's room named as this
 * recording's recorder may, while it is that room's recording: PartyKit decides who records, the app only checks.
 * Writes the Recording row (the room's own "recording-started" record may come before or after this).
 */
export async function startRecordingUpload(actor: Actor, metadata: RecordingUploadMetadata, presence: PresenceQuery, now = new Date()): Promise<void> {
  const { recordingId, roomId, mimeType } = metadata;
  const room = await prisma.room.findUnique({ where: { id: roomId }, select: { id: true } });
  if (!room) throw new AppError("not_found", "Room not found.");

  const seen = await presence(roomId, actor.id);
  if (!seen.seated || seen.meetingId === null) throw forbidden("Join the meeting before uploading its recording.");
  const recording = seen.recording;
  if (recording === null || recording.id !== recordingId) throw forbidden("The meeting is not recording under this recording id.");
  if (recording.userId !== actor.id) throw forbidden("Only the person the meeting named as recorder may upload its recording.");

  const row = await prisma.recording.findUnique({ where: { id: recordingId }, select: { status: true, deletedAt: true, startedById: true } });
  if (row && (row.status !== "RECORDING" || row.deletedAt !== null)) throw new AppError("conflict", "This recording is over; start a new one to record again.");
  if (row?.startedById && row.startedById !== actor.id) throw forbidden("Only the person the meeting named as recorder may upload its recording.");

  await prisma.recording.upsert({
    where: { id: recordingId },
    create: {
      id: recordingId,
      roomId,
      meetingId: seen.meetingId,
      part: recording.part,
      startedById: actor.id,
      recorderParticipantId: recording.by,
      startedAt: new Date(recording.startedAt),
      mimeType,
      lastUploadAt: now,
    },
    update: { mimeType, startedById: actor.id, lastUploadAt: now },
  });
}

/**
 * Every later request on an upload (HEAD to resume, PATCH to append): only its recorder, and only while it is
 * still recording. Once finalize has taken it, the bytes are the recording and nothing may change them.
 */
export async function assertRecorderMayUpload(actor: Actor, recordingId: string): Promise<void> {
  const row = await prisma.recording.findUnique({ where: { id: recordingId }, select: { status: true, deletedAt: true, startedById: true } });
  if (!row) throw new AppError("not_found", "No such recording upload.");
  if (row.startedById !== actor.id) throw forbidden("Only the recording's recorder may upload to it.");
  if (row.status !== "RECORDING" || row.deletedAt !== null) throw new AppError("gone", "This recording is over and takes no more bytes.");
}

/** After each PATCH: how far the upload got and when, for the sweep that finalizes uploads gone quiet. */
export async function noteUploadProgress(recordingId: string, offset: number, finished: boolean, now = new Date()): Promise<void> {
  await prisma.recording.updateMany({
    where: { id: recordingId, status: "RECORDING" },
    data: { uploadedBytes: BigInt(offset), lastUploadAt: now, ...(finished ? { uploadFinishedAt: now } : {}) },
  });
}

/**
 * The bytes an upload that already finished holds, for its recorder only; null otherwise. Lets a recorder whose
 * last PATCH answer was lost learn, by HEAD, that every byte arrived, though the upload now belongs to finalize.
 */
export async function finishedUploadLength(actor: Actor, recordingId: string): Promise<number | null> {
  const row = await prisma.recording.findUnique({ where: { id: recordingId }, select: { startedById: true, uploadFinishedAt: true, uploadedBytes: true, deletedAt: true } });
  if (!row || row.startedById !== actor.id || row.uploadFinishedAt === null || row.deletedAt !== null) return null;
  return Number(row.uploadedBytes);
}
