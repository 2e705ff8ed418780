import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { AppError } from "@/lib/server/http/app-error";
import { scheduleInclude } from "./schedule-view";

/** A schedule the actor organizes or is invited to; anyone else gets 404 (schedules do not leak). */
export async function findVisibleSchedule(actor: Actor, id: string) {
  const schedule = await prisma.scheduledMeeting.findUnique({ where: { id }, include: scheduleInclude });
  const visible = schedule && (schedule.organizerId === actor.id || schedule.invitees.some((i) => i.user.id === actor.id));
  if (!schedule || !visible) throw new AppError("not_found", "Scheduled meeting not found.");
  return schedule;
}

export async function findOrganizedSchedule(actor: Actor, id: string) {
  const schedule = await findVisibleSchedule(actor, id);
  if (schedule.organizerId !== actor.id) throw new AppError("forbidden", "Only the organizer changes this meeting.");
  return schedule;
}
