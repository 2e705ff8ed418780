import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import type { UpdateScheduleInput } from "@/lib/domain/schedule-input";
import { AppError } from "@/lib/server/http/app-error";
import { emailsOf, findInvitees } from "./create-schedule";
import { findOrganizedSchedule } from "./find-schedule";
import { recomputeRoomExpiry } from "./recompute-room-expiry";
import { scheduleInclude, toScheduleView } from "./schedule-view";

/** An edit by the organizer: SEQUENCE goes up so calendars replace the event they already have (same UID). */
export async function updateSchedule(actor: Actor, id: string, input: UpdateScheduleInput) {
  const schedule = await findOrganizedSchedule(actor, id);
  if (schedule.cancelledAt) throw new AppError("gone", "This meeting was cancelled.");
  const invitees = input.inviteeIds ? await findInvitees(actor, input.inviteeIds) : null;
  const updated = await prisma.$transaction(async (tx) => {
    const fields = { ...input };
    delete fields.inviteeIds;
    if (invitees) {
      const previous = await tx.scheduledMeetingInvitee.findMany({ where: { scheduledMeetingId: id }, select: { user: { select: { id: true, email: true } } } });
      const kept = new Set(invitees.map((user) => user.id));
      // Someone taken off the invitation loses the room invite it gave them: an invite-only room closes to them.
      const removed = emailsOf(previous.map(({ user }) => user).filter((user) => !kept.has(user.id)));
      if (removed.length > 0) await tx.roomInvite.deleteMany({ where: { roomId: schedule.roomId, email: { in: removed } } });
      await tx.scheduledMeetingInvitee.deleteMany({ where: { scheduledMeetingId: id } });
      await tx.scheduledMeetingInvitee.createMany({ data: invitees.map((user) => ({ scheduledMeetingId: id, userId: user.id })) });
      // New invitees of an invite-only room need a room invite too (existing ones are kept).
      await tx.roomInvite.createMany({
        data: emailsOf(invitees).map((email) => ({ roomId: schedule.roomId, email, invitedById: actor.id })),
        skipDuplicates: true,
      });
    }
    const saved = await tx.scheduledMeeting.update({
      where: { id },
      data: { ...fields, sequence: { increment: 1 } },
      include: scheduleInclude,
    });
    await recomputeRoomExpiry(tx, schedule.roomId);
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "schedule.updated", targetType: "scheduled_meeting", targetId: id, data: { fields: Object.keys(input) } },
    });
    return saved;
  });
  return toScheduleView(updated, actor);
}
