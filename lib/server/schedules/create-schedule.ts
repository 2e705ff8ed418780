import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { readRoomPolicy } from "@/lib/domain/room-policy";
import { roomSlug } from "@/lib/domain/room-slug";
import type { CreateScheduleInput } from "@/lib/domain/schedule-input";
import { AppError } from "@/lib/server/http/app-error";
import { findVisibleTemplate } from "@/lib/server/templates/find-template";
import { recomputeRoomExpiry } from "./recompute-room-expiry";
import { scheduleInclude, toScheduleView } from "./schedule-view";

/**
 * Schedules a meeting: a new room with the template's policy (invite-only rooms invite the invitees by email),
 * the ScheduledMeeting with a stable iCalendar UID, and the room's expiry from its policy and schedule.
 */
export async function createSchedule(actor: Actor, input: CreateScheduleInput) {
  const template = await findVisibleTemplate(actor, input.templateId);
  const invitees = await findInvitees(actor, input.inviteeIds);
  const schedule = await prisma.$transaction(async (tx) => {
    const room = await tx.room.create({
      data: {
        slug: roomSlug(input.title, randomBytes(4).toString("hex")),
        name: input.title,
        visibility: input.visibility,
        ownerId: actor.id,
        templateId: template.id,
        policy: readRoomPolicy(template.policy),
        invites:
          input.visibility === "INVITE_ONLY"
            ? { create: emailsOf(invitees).map((email) => ({ email, invitedById: actor.id })) }
            : undefined,
      },
    });
    const created = await tx.scheduledMeeting.create({
      data: {
        roomId: room.id,
        organizerId: actor.id,
        title: input.title,
        startsAt: input.startsAt,
        durationMinutes: input.durationMinutes,
        timeZone: input.timeZone,
        weeklyOccurrences: input.weeklyOccurrences,
        icsUid: `${randomUUID()}@confer`,
        invitees: { create: invitees.map((user) => ({ userId: user.id })) },
      },
      include: scheduleInclude,
    });
    await recomputeRoomExpiry(tx, room.id);
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "schedule.created", targetType: "scheduled_meeting", targetId: created.id, data: { roomId: room.id, invitees: invitees.length } },
    });
    return created;
  });
  return toScheduleView(schedule, actor);
}

/** Invitees must be directory users; the organizer is never their own invitee. */
export async function findInvitees(actor: Actor, ids: readonly string[]) {
  const unique = [...new Set(ids)].filter((id) => id !== actor.id);
  const users = await prisma.user.findMany({ where: { id: { in: unique } }, select: { id: true, email: true } });
  if (users.length !== unique.length) throw new AppError("invalid_request", "Some invitees are not in the directory.");
  return users;
}

export function emailsOf(users: readonly { email: string | null }[]): string[] {
  return [...new Set(users.flatMap((user) => (user.email ? [user.email.toLowerCase()] : [])))];
}
