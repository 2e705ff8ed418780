/**
 * Where an occurrence of a scheduled meeting stands for someone looking at it now: "soon" from its reminder
 * (the room's `reminderMinutes` before the start) until it starts, "live" while it runs, and whether "Join now"
 * is offered (from JOIN_NOW_LEAD_MINUTES before the start until the end). Pure, so the dashboard, the reminder
 * toasts and the API agree.
 */
export const JOIN_NOW_LEAD_MINUTES = 10;

export type ReminderPhase = "later" | "soon" | "live" | "over";

export type Occurrence = { startsAt: Date; durationMinutes: number; reminderMinutes: number };

export function reminderPhase({ startsAt, durationMinutes, reminderMinutes }: Occurrence, now: Date): ReminderPhase {
  const start = startsAt.getTime();
  const at = now.getTime();
  if (at >= start + durationMinutes * 60_000) return "over";
  if (at >= start) return "live";
  return reminderMinutes > 0 && at >= start - reminderMinutes * 60_000 ? "soon" : "later";
}

export function offersJoinNow({ startsAt, durationMinutes }: Omit<Occurrence, "reminderMinutes">, now: Date): boolean {
  const at = now.getTime();
  return at >= startsAt.getTime() - JOIN_NOW_LEAD_MINUTES * 60_000 && at < startsAt.getTime() + durationMinutes * 60_000;
}

/** "in 4 min", "now", "5 min ago" — for the banner and the toast. */
export function startsIn(startsAt: Date, now: Date): string {
  const minutes = Math.round((startsAt.getTime() - now.getTime()) / 60_000);
  if (minutes === 0) return "now";
  return minutes > 0 ? `in ${minutes} min` : `${-minutes} min ago`;
}
