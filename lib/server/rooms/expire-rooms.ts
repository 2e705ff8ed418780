import "server-only";
import { prisma } from "@/lib/db/prisma";
import { isRoomExpired } from "@/lib/domain/room-expiry";
import { readRoomPolicy } from "@/lib/domain/room-policy";
import { closePartyRoom } from "@/lib/server/party/close-party-room";

export type ExpireRoomsResult = { deleted: string[]; archived: string[]; failed: string[] };

const BATCH = 100;

/**
 * The room-expiry job: every ACTIVE room whose expiresAt has passed, or whose policy says it is due, gets its
 * PartyKit room closed, then is archived (when it has meeting history, so analytics keep it) or deleted (never
 * met). Each room is audited with action "room.expired" and a null actor (the system did it). A room whose
 * PartyKit close failed is left for the next run, so nobody is left talking in a room that no longer exists.
 */
export async function expireRooms(now = new Date()): Promise<ExpireRoomsResult> {
  const candidates = await prisma.room.findMany({
    where: { status: "ACTIVE" },
    select: {
      id: true,
      slug: true,
      expiresAt: true,
      policy: true,
      createdAt: true,
      lastMeetingEndedAt: true,
      scheduledMeetings: { select: { startsAt: true, durationMinutes: true, timeZone: true, weeklyOccurrences: true, cancelledAt: true } },
    },
    orderBy: { createdAt: "asc" },
  });
  const due = candidates
    .filter((room) => (room.expiresAt !== null && room.expiresAt <= now) || isRoomExpired({ ...room, policy: readRoomPolicy(room.policy) }, now))
    .slice(0, BATCH);

  const result: ExpireRoomsResult = { deleted: [], archived: [], failed: [] };
  for (const room of due) {
    if (!(await closePartyRoom(room.id, "expired"))) {
      result.failed.push(room.id);
      continue;
    }
    // Counted after the close: PartyKit delivers a meeting's records before it confirms, so a room whose first
    // meeting was still running is archived with it rather than deleted.
    const archive = await prisma.$transaction(async (tx) => {
      const hasHistory = (await tx.meeting.count({ where: { roomId: room.id } })) > 0;
      if (hasHistory) await tx.room.update({ where: { id: room.id }, data: { status: "ARCHIVED" } });
      else await tx.room.delete({ where: { id: room.id } });
      await tx.auditLog.create({
        data: { actorId: null, action: "room.expired", targetType: "room", targetId: room.id, data: { slug: room.slug, outcome: hasHistory ? "archived" : "deleted" } },
      });
      return hasHistory;
    });
    (archive ? result.archived : result.deleted).push(room.id);
  }
  return result;
}
