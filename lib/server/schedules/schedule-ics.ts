import "server-only";
import { buildScheduleIcs } from "@/lib/calendar/schedule-ics";
import type { Actor } from "@/lib/domain/actor";
import { readRoomPolicy } from "@/lib/domain/room-policy";
import { currentBranding } from "@/lib/server/branding/current-branding";
import { findVisibleSchedule } from "./find-schedule";

/** The invite as it stands now (an update after edits, a cancellation once cancelled), for organizer and invitees. */
export async function scheduleIcs(actor: Actor, id: string, appOrigin: string) {
  const [schedule, branding] = await Promise.all([findVisibleSchedule(actor, id), currentBranding()]);
  const ics = buildScheduleIcs({
    uid: schedule.icsUid,
    sequence: schedule.sequence,
    title: schedule.title,
    organizationName: branding.displayName,
    startsAt: schedule.startsAt,
    durationMinutes: schedule.durationMinutes,
    weeklyOccurrences: schedule.weeklyOccurrences,
    joinUrl: new URL(`/rooms/${schedule.room.slug}`, appOrigin).toString(),
    organizer: schedule.organizer,
    attendees: schedule.invitees.map((invitee) => invitee.user),
    cancelled: schedule.cancelledAt !== null,
    reminderMinutes: readRoomPolicy(schedule.room.policy).reminderMinutes,
  });
  return { ics, fileName: `${schedule.room.slug}.ics` };
}
