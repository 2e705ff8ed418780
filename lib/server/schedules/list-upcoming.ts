import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { scheduleInclude, toScheduleView } from "./schedule-view";

/**
 * Meetings the actor organizes or is invited to that are not over and not cancelled, next occurrence first.
 * A series started up to a year ago may still have occurrences ahead (52 weeks at most).
 */
export async function listUpcoming(actor: Actor, now = new Date()) {
  const schedules = await prisma.scheduledMeeting.findMany({
    where: {
      cancelledAt: null,
      startsAt: { gte: new Date(now.getTime() - 366 * 24 * 60 * 60 * 1000) },
      OR: [{ organizerId: actor.id }, { invitees: { some: { userId: actor.id } } }],
    },
    include: scheduleInclude,
    orderBy: { startsAt: "asc" },
    take: 200,
  });
  return schedules
    .map((schedule) => toScheduleView(schedule, actor, now))
    .filter((view) => view.nextStartsAt !== null)
    .sort((a, b) => a.nextStartsAt!.localeCompare(b.nextStartsAt!));
}
