import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { canDeleteRecording, canViewRecording } from "@/lib/domain/recording-access";
import { orderParts } from "@/lib/domain/recording-lifecycle";
import { recordingAccessFacts } from "./recording-access-facts";
import { type RecordingView, recordingView } from "./recording-view";

export type RecordedMeeting = {
  meetingId: string;
  title: string;
  startedAt: string;
  roomId: string;
  roomName: string;
  parts: RecordingView[];
};

const LIMIT = 500;

/**
 * The recordings the actor may see, newest meeting first, each meeting's parts in order. The query narrows to
 * candidates (rooms they own, recordings they made, meetings they took part in; all for admins) and the domain
 * rule decides, so the list and the player never disagree.
 */
export async function listRecordings(actor: Actor): Promise<RecordedMeeting[]> {
  const where: Prisma.RecordingWhereInput =
    actor.role === "admin"
      ? { deletedAt: null }
      : {
          deletedAt: null,
          OR: [
            { room: { ownerId: actor.id } },
            { startedById: actor.id },
            { meetingId: { in: (await prisma.participation.findMany({ where: { userId: actor.id }, select: { meetingId: true }, distinct: ["meetingId"] })).map((p) => p.meetingId) } },
          ],
        };
  const rows = await prisma.recording.findMany({ where, include: { room: { select: { ownerId: true, policy: true, name: true } } }, orderBy: { startedAt: "desc" }, take: LIMIT });
  const facts = await recordingAccessFacts(actor, rows);
  const visible = rows.flatMap((row, index) => (canViewRecording(actor, facts[index]!) ? [{ row, canDelete: canDeleteRecording(actor, facts[index]!) }] : []));

  const meetings = await prisma.meeting.findMany({ where: { id: { in: [...new Set(visible.map(({ row }) => row.meetingId))] } }, select: { id: true, title: true, startedAt: true } });
  const meetingById = new Map(meetings.map((meeting) => [meeting.id, meeting]));
  const groups = new Map<string, RecordedMeeting>();
  for (const { row, canDelete } of visible) {
    let group = groups.get(row.meetingId);
    if (!group) {
      const meeting = meetingById.get(row.meetingId);
      // The meeting's record may not have arrived yet: its first recording stands in for its start.
      group = { meetingId: row.meetingId, title: meeting?.title ?? row.room.name, startedAt: (meeting?.startedAt ?? row.startedAt).toISOString(), roomId: row.roomId, roomName: row.room.name, parts: [] };
      groups.set(row.meetingId, group);
    }
    group.parts.push(recordingView(row, canDelete));
  }
  return [...groups.values()]
    .map((group) => ({ ...group, parts: orderParts(group.parts) }))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}
