import type { RoomPolicy } from "./room-policy";
import { wallClockToInstant, zoneOffsetMs } from "./time-zone";

/** What the expiry rule needs to know about a room (plain data, so it stays pure and testable). */
export interface RoomExpiryFacts {
  policy: RoomPolicy;
  createdAt: Date;
  lastMeetingEndedAt: Date | null;
  /** The room's schedule; cancelled meetings are ignored. */
  scheduledMeetings: readonly ScheduledMeetingFacts[];
}

export interface ScheduledMeetingFacts {
  startsAt: Date;
  durationMinutes: number;
  /** IANA zone: weekly occurrences keep the organizer's wall-clock time across DST changes. */
  timeZone: string;
  weeklyOccurrences: number;
  cancelledAt: Date | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const WEEK_DAYS = 7;

/**
 * When the room expires under its policy, or null if it never does: policy "never", or "after-scheduled-end"
 * with nothing (left) scheduled, since the deadline is only known once a meeting is scheduled.
 */
export function roomExpiresAt(room: RoomExpiryFacts): Date | null {
  const { expiry } = room.policy;
  switch (expiry.kind) {
    case "never":
      return null;
    case "after-last-meeting": {
      // A room that never met counts from its creation, otherwise an unused room would never expire.
      const from = room.lastMeetingEndedAt ?? room.createdAt;
      return new Date(from.getTime() + expiry.days * DAY_MS);
    }
    case "after-scheduled-end": {
      const end = latestScheduledEnd(room.scheduledMeetings);
      if (end === null) return null;
      return new Date(end.getTime() + expiry.days * DAY_MS);
    }
  }
}

/** Whether the room is due for cleanup at `now`. */
export function isRoomExpired(room: RoomExpiryFacts, now: Date): boolean {
  const at = roomExpiresAt(room);
  return at !== null && at.getTime() <= now.getTime();
}

/** The end of the last occurrence of the last non-cancelled scheduled meeting, or null when none. */
export function latestScheduledEnd(meetings: readonly ScheduledMeetingFacts[]): Date | null {
  let latest: number | null = null;
  for (const meeting of meetings) {
    if (meeting.cancelledAt !== null) continue;
    const lastStart = addWeeksInZone(meeting.startsAt, Math.max(0, meeting.weeklyOccurrences - 1), meeting.timeZone);
    const end = lastStart.getTime() + meeting.durationMinutes * 60_000;
    if (latest === null || end > latest) latest = end;
  }
  return latest === null ? null : new Date(latest);
}

/** `start` moved by `weeks` weeks of the zone's wall clock (09:00 stays 09:00 across a DST change). Unknown zones count as UTC. */
export function addWeeksInZone(start: Date, weeks: number, timeZone: string): Date {
  if (weeks === 0) return start;
  const wall = start.getTime() + (zoneOffsetMs(start, timeZone) ?? 0) + weeks * WEEK_DAYS * DAY_MS;
  return wallClockToInstant(wall, timeZone) ?? new Date(wall);
}
