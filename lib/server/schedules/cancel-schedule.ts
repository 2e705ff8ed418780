import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { findOrganizedSchedule } from "./find-schedule";
import { recomputeRoomExpiry } from "./recompute-room-expiry";
import { scheduleInclude, toScheduleView } from "./schedule-view";

/** Cancelling keeps the row (its .ics becomes METHOD:CANCEL with a higher SEQUENCE); cancelling twice is a no-op. */
export async function cancelSchedule(actor: Actor, id: string, now = new Date()) {
  const schedule = await findOrganizedSchedule(actor, id);
  if (schedule.cancelledAt) return toScheduleView(schedule, actor);
  const cancelled = await prisma.$transaction(async (tx) => {
    const saved = await tx.scheduledMeeting.update({
      where: { id },
      data: { cancelledAt: now, sequence: { increment: 1 } },
      include: scheduleInclude,
    });
    await recomputeRoomExpiry(tx, schedule.roomId);
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "schedule.cancelled", targetType: "scheduled_meeting", targetId: id },
    });
    return saved;
  });
  return toScheduleView(cancelled, actor);
}
