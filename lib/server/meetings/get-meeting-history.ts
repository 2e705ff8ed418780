import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { canViewMeetingHistory } from "@/lib/domain/meeting-history-access";
import { type ChatAttachment, chatAttachmentSchema } from "@/lib/signaling/chat";

export type HistoryChatMessage = { id: string; authorName: string; text: string; attachments: ChatAttachment[]; sentAt: Date };

export type MeetingHistory = {
  id: string;
  title: string;
  startedAt: Date;
  endedAt: Date | null;
  participants: { id: string; displayName: string; role: string; joinedAt: Date; leftAt: Date | null }[];
  chat: HistoryChatMessage[];
};

/** Attachments are stored as the room sent them; anything that no longer parses is left out rather than shown. */
export function parseAttachments(value: unknown): ChatAttachment[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = chatAttachmentSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

type AccessFacts = { room: { ownerId: string } | null; participations: { userId: string | null }[] };

function mayView(actor: Actor, meeting: AccessFacts): boolean {
  const participantUserIds = meeting.participations.flatMap((p) => (p.userId ? [p.userId] : []));
  return canViewMeetingHistory(actor, { roomOwnerId: meeting.room?.ownerId ?? null, participantUserIds });
}

/** Whether the actor may read this meeting's history; false for a meeting that does not exist. */
export async function mayViewMeetingHistory(actor: Actor, meetingId: string): Promise<boolean> {
  const meeting = await prisma.meeting.findUnique({
    where: { id: meetingId },
    select: { room: { select: { ownerId: true } }, participations: { where: { userId: { not: null } }, select: { userId: true } } },
  });
  return meeting !== null && mayView(actor, meeting);
}

/** A past (or running) meeting's history for someone allowed to read it; null otherwise, as for no meeting. */
export async function getMeetingHistory(actor: Actor, meetingId: string): Promise<MeetingHistory | null> {
  const meeting = await prisma.meeting.findUnique({
    where: { id: meetingId },
    select: {
      id: true,
      title: true,
      startedAt: true,
      endedAt: true,
      room: { select: { ownerId: true } },
      participations: { orderBy: { joinedAt: "asc" }, select: { id: true, userId: true, displayName: true, role: true, joinedAt: true, leftAt: true } },
      chatMessages: { orderBy: { seq: "asc" }, select: { id: true, authorName: true, text: true, attachments: true, sentAt: true } },
    },
  });
  if (!meeting || !mayView(actor, meeting)) return null;
  return {
    id: meeting.id,
    title: meeting.title,
    startedAt: meeting.startedAt,
    endedAt: meeting.endedAt,
    participants: meeting.participations.map(({ id, displayName, role, joinedAt, leftAt }) => ({ id, displayName, role, joinedAt, leftAt })),
    chat: meeting.chatMessages.map((message) => ({ ...message, attachments: parseAttachments(message.attachments) })),
  };
}
