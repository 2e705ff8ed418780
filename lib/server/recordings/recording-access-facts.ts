import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import type { RecordingAccessFacts } from "@/lib/domain/recording-access";
import { readRoomPolicy } from "@/lib/domain/room-policy";

type RecordingForAccess = { meetingId: string; startedById: string | null; room: { ownerId: string; policy: unknown } };

/**
 * The facts lib/domain/recording-access.ts rules on, for one actor and some recordings: whether the actor took part
 * in (or hosted) each recording's meeting, from the meeting records. Only the actor's own membership is looked up,
 * which is all the rules ask about.
 */
export async function recordingAccessFacts(actor: Actor, recordings: readonly RecordingForAccess[]): Promise<RecordingAccessFacts[]> {
  const meetingIds = [...new Set(recordings.map((recording) => recording.meetingId))];
  const participations = meetingIds.length === 0 ? [] : await prisma.participation.findMany({ where: { userId: actor.id, meetingId: { in: meetingIds } }, select: { meetingId: true, role: true } });
  const took = new Set(participations.map((participation) => participation.meetingId));
  const hosted = new Set(participations.filter((participation) => participation.role === "HOST").map((participation) => participation.meetingId));
  const me = new Set([actor.id]);
  const none = new Set<string>();
  return recordings.map((recording) => ({
    roomOwnerId: recording.room.ownerId,
    access: readRoomPolicy(recording.room.policy).recordingAccess,
    startedById: recording.startedById,
    participantUserIds: took.has(recording.meetingId) ? me : none,
    hostUserIds: hosted.has(recording.meetingId) ? me : none,
  }));
}
