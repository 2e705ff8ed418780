import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";

export type MyMeeting = { id: string; title: string; startedAt: Date; endedAt: Date | null; participants: number; messages: number };

const PAGE_SIZE = 50;

/** The meetings the actor took part in or whose room they own, newest first (the latest 50). */
export async function listMyMeetings(actor: Actor): Promise<MyMeeting[]> {
  const meetings = await prisma.meeting.findMany({
    where: { OR: [{ participations: { some: { userId: actor.id } } }, { room: { ownerId: actor.id } }] },
    orderBy: { startedAt: "desc" },
    take: PAGE_SIZE,
    select: { id: true, title: true, startedAt: true, endedAt: true, _count: { select: { participations: true, chatMessages: true } } },
  });
  return meetings.map(({ _count, ...meeting }) => ({ ...meeting, participants: _count.participations, messages: _count.chatMessages }));
}
