import "server-only";
import type { Actor } from "@/lib/domain/actor";
import { readRoomPolicy } from "@/lib/domain/room-policy";
import { nextOccurrence } from "@/lib/domain/schedule-input";

export const scheduleInclude = {
  room: { select: { id: true, slug: true, name: true, policy: true } },
  organizer: { select: { id: true, name: true, email: true } },
  invitees: { include: { user: { select: { id: true, name: true, email: true } } } },
} as const;

type StoredSchedule = {
  id: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
  weeklyOccurrences: number;
  sequence: number;
  cancelledAt: Date | null;
  room: { id: string; slug: string; name: string; policy: unknown };
  organizer: { id: string; name: string; email: string | null };
  invitees: { user: { id: string; name: string; email: string | null } }[];
};

export function toScheduleView(schedule: StoredSchedule, actor: Actor, now = new Date()) {
  return {
    id: schedule.id,
    title: schedule.title,
    startsAt: schedule.startsAt.toISOString(),
    nextStartsAt: nextOccurrence(schedule, now)?.toISOString() ?? null,
    durationMinutes: schedule.durationMinutes,
    timeZone: schedule.timeZone,
    weeklyOccurrences: schedule.weeklyOccurrences,
    sequence: schedule.sequence,
    cancelled: schedule.cancelledAt !== null,
    room: { id: schedule.room.id, slug: schedule.room.slug, name: schedule.room.name },
    /** From the room's policy (its template's setting). */
    reminderMinutes: readRoomPolicy(schedule.room.policy).reminderMinutes,
    joinPath: `/rooms/${schedule.room.slug}`,
    organizer: schedule.organizer,
    invitees: schedule.invitees.map((invitee) => invitee.user),
    isOrganizer: schedule.organizer.id === actor.id,
  };
}
export type ScheduleView = ReturnType<typeof toScheduleView>;
