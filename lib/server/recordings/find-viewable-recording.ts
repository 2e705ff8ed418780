import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { canDeleteRecording, canViewRecording } from "@/lib/domain/recording-access";
import { notFound } from "@/lib/server/http/app-error";
import { recordingAccessFacts } from "./recording-access-facts";
import { type RecordingView, recordingView } from "./recording-view";

export type ViewableRecording = RecordingView & {
  storageKey: string | null;
  sha256: string | null;
  roomName: string;
  meetingTitle: string | null;
};

/** One recording for someone who may see it (lib/domain/recording-access.ts); 404 for everyone else, as for none. */
export async function findViewableRecording(actor: Actor, id: string): Promise<ViewableRecording> {
  const row = await prisma.recording.findFirst({ where: { id, deletedAt: null }, include: { room: { select: { ownerId: true, policy: true, name: true } } } });
  if (!row) throw notFound("Recording");
  const [facts] = await recordingAccessFacts(actor, [row]);
  if (!canViewRecording(actor, facts!)) throw notFound("Recording");
  const meeting = await prisma.meeting.findUnique({ where: { id: row.meetingId }, select: { title: true } });
  return { ...recordingView(row, canDeleteRecording(actor, facts!)), storageKey: row.storageKey, sha256: row.sha256, roomName: row.room.name, meetingTitle: meeting?.title ?? null };
}

/** The player page: the recording, and an audit entry saying who watched it. */
export async function viewRecording(actor: Actor, id: string): Promise<ViewableRecording> {
  const recording = await findViewableRecording(actor, id);
  await prisma.auditLog.create({ data: { actorId: actor.id, action: "recording.viewed", targetType: "recording", targetId: id, data: { meetingId: recording.meetingId } } });
  return recording;
}
