import "server-only";
import type { Actor } from "@/lib/domain/actor";
import { reminderPhase } from "@/lib/domain/meeting-reminder";
import { listUpcoming } from "./list-upcoming";

export type DueReminder = { id: string; title: string; startsAt: string; durationMinutes: number; joinPath: string };

/** The actor's meetings whose reminder is due now: from `reminderMinutes` before the start until it starts. */
export async function listDueReminders(actor: Actor, now = new Date()): Promise<DueReminder[]> {
  const upcoming = await listUpcoming(actor, now);
  return upcoming
    .filter((meeting) => reminderPhase({ startsAt: new Date(meeting.nextStartsAt!), durationMinutes: meeting.durationMinutes, reminderMinutes: meeting.reminderMinutes }, now) === "soon")
    .map((meeting) => ({ id: meeting.id, title: meeting.title, startsAt: meeting.nextStartsAt!, durationMinutes: meeting.durationMinutes, joinPath: meeting.joinPath }));
}
