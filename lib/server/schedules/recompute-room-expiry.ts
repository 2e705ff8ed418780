import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { readRoomPolicy } from "@/lib/domain/room-policy";
import { roomExpiresAt } from "@/lib/domain/room-expiry";

/** Room.expiresAt from the room's policy and its (non-cancelled) schedule; run after any schedule change. */
export async function recomputeRoomExpiry(tx: Prisma.TransactionClient, roomId: string): Promise<void> {
  const room = await tx.room.findUniqueOrThrow({
    where: { id: roomId },
    select: { policy: true, createdAt: true, lastMeetingEndedAt: true, scheduledMeetings: true },
  });
  const expiresAt = roomExpiresAt({
    policy: readRoomPolicy(room.policy),
    createdAt: room.createdAt,
    lastMeetingEndedAt: room.lastMeetingEndedAt,
    scheduledMeetings: room.scheduledMeetings,
  });
  await tx.room.update({ where: { id: roomId }, data: { expiresAt } });
}
