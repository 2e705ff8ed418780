import "server-only";
import type { MeetingRecordBatch, MeetingRecordEvent } from "@/lib/internal-api/meeting-records";
import type { MeetingRole as MeetingRoleRow } from "@/lib/db/generated/client";
import { prisma } from "@/lib/db/prisma";
import { recordRecordingStarted, recordRecordingStopped } from "@/lib/server/recordings/record-recording-event";
import { recomputeRoomExpiry } from "@/lib/server/schedules/recompute-room-expiry";
import type { MeetingRole } from "@/lib/signaling/meeting-role";

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

const END_REASONS = { empty: "EMPTY", "ended-by-host": "ENDED_BY_HOST", closed: "CLOSED" } as const;

/**
 * Applies one PartyKit batch of meeting facts in one transaction. A batch id seen before is a no-op (IngestBatch),
 * and every write is an upsert keyed by PartyKit's ids, so a fact replayed in a new batch changes nothing either.
 * Returns the meetings that ended, for analysis after the commit, and the recordings that stopped with their upload
 * complete, for finalizing after it.
 */
export async function recordMeetingEvents(batch: MeetingRecordBatch): Promise<{ applied: boolean; endedMeetingIds: string[]; finishedRecordingIds: string[] }> {
  return prisma.$transaction(async (tx) => {
    // PGlite shares one session: everything inside goes through `tx`.
    const seen = await tx.ingestBatch.findUnique({ where: { id: batch.batchId }, select: { id: true } });
    if (seen) return { applied: false, endedMeetingIds: [], finishedRecordingIds: [] };
    await tx.ingestBatch.create({ data: { id: batch.batchId, kind: "meeting-records", items: batch.events.length } });

    // The room may be gone (deleted while the meeting ran): the records still count, without a room.
    const room = await tx.room.findUnique({ where: { id: batch.roomId }, select: { id: true, name: true } });
    const endedMeetingIds: string[] = [];
    const finishedRecordingIds: string[] = [];
    for (const event of batch.events) {
      if (event.type === "recording-stopped") {
        await ensureMeeting(tx, event.meetingId, new Date(event.at), room);
        if ((await recordRecordingStopped(tx, event)).finalizeNow) finishedRecordingIds.push(event.recordingId);
        continue;
      }
      await applyEvent(tx, event, room);
      if (event.type === "meeting-ended") endedMeetingIds.push(event.meetingId);
    }
    return { applied: true, endedMeetingIds, finishedRecordingIds };
  });
}

async function ensureMeeting(tx: Tx, meetingId: string, at: Date, room: { id: string; name: string } | null, title?: string) {
  await tx.meeting.upsert({
    where: { id: meetingId },
    create: { id: meetingId, roomId: room?.id ?? null, title: title ?? room?.name ?? "Meeting", startedAt: at },
    update: {},
  });
}

async function applyEvent(tx: Tx, event: MeetingRecordEvent, room: { id: string; name: string } | null): Promise<void> {
  const at = new Date(event.at);
  switch (event.type) {
    case "meeting-started":
      await ensureMeeting(tx, event.meetingId, at, room, event.title);
      return;
    case "participant-joined": {
      await ensureMeeting(tx, event.meetingId, at, room);
      // The token's user may have been deleted since: keep the participation, without the link.
      const user = await tx.user.findUnique({ where: { id: event.userId }, select: { id: true } });
      await tx.participation.upsert({
        where: { id: event.participantId },
        create: {
          id: event.participantId,
          meetingId: event.meetingId,
          userId: user?.id ?? null,
          displayName: event.name,
          role: toDbRole(event.role),
          joinedAt: at,
          admittedById: event.admittedBy,
        },
        update: {},
      });
      return;
    }
    case "role-changed": {
      const participation = await tx.participation.findUnique({ where: { id: event.participantId }, select: { id: true } });
      if (!participation) return;
      await tx.roleChange.upsert({
        where: { id: event.eventId },
        create: { id: event.eventId, participationId: event.participantId, at, fromRole: toDbRole(event.from), toRole: toDbRole(event.to), byId: event.by },
        update: {},
      });
      await tx.participation.update({ where: { id: event.participantId }, data: { role: toDbRole(event.to) } });
      return;
    }
    case "participant-left":
      // First leave wins: a replay never moves leftAt.
      await tx.participation.updateMany({ where: { id: event.participantId, leftAt: null }, data: { leftAt: at, leaveReason: event.reason } });
      return;
    case "chat-posted":
      await ensureMeeting(tx, event.meetingId, at, room);
      await tx.chatMessage.upsert({
        where: { id: event.messageId },
        create: {
          id: event.messageId,
          meetingId: event.meetingId,
          seq: event.seq,
          participantId: event.participantId,
          userId: event.userId,
          authorName: event.name,
          text: event.text,
          ...(event.attachments ? { attachments: event.attachments } : {}),
          sentAt: at,
        },
        update: {},
      });
      return;
    case "recording-started":
      await ensureMeeting(tx, event.meetingId, at, room);
      await recordRecordingStarted(tx, event, room?.id ?? null);
      return;
    case "recording-stopped":
      // Applied by the batch loop, which needs its answer.
      return;
    case "meeting-ended": {
      await ensureMeeting(tx, event.meetingId, at, room);
      await tx.meeting.updateMany({ where: { id: event.meetingId, endedAt: null }, data: { endedAt: at, endReason: END_REASONS[event.reason] } });
      // Anyone still marked present left with the meeting.
      await tx.participation.updateMany({ where: { meetingId: event.meetingId, leftAt: null }, data: { leftAt: at, leaveReason: event.reason === "closed" ? "closed" : "ended" } });
      if (room) {
        await tx.room.update({ where: { id: room.id }, data: { lastMeetingEndedAt: at } });
        // The "after last meeting" expiry counts from here.
        await recomputeRoomExpiry(tx, room.id);
      }
      return;
    }
  }
}

const DB_ROLES = { host: "HOST", presenter: "PRESENTER", participant: "PARTICIPANT", observer: "OBSERVER" } as const satisfies Record<MeetingRole, MeetingRoleRow>;

function toDbRole(role: MeetingRole): MeetingRoleRow {
  return DB_ROLES[role];
}
