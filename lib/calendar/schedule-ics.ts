import { createEvent, type EventAttributes } from "ics";

export type IcsPerson = { name: string; email: string | null };

export type ScheduleIcsInput = {
  /** Stable across edits (ScheduledMeeting.icsUid) so calendars update the same event. */
  uid: string;
  /** Goes up at every edit and at cancellation; calendars keep the highest. */
  sequence: number;
  title: string;
  /** The organization's display name (its branding): the calendar's name and the description's first line. */
  organizationName: string;
  startsAt: Date;
  durationMinutes: number;
  /** 1 for a single meeting, N for N weekly occurrences. */
  weeklyOccurrences: number;
  joinUrl: string;
  organizer: IcsPerson;
  attendees: readonly IcsPerson[];
  cancelled: boolean;
  /** A VALARM this many minutes before each occurrence; 0 for none. */
  reminderMinutes: number;
};

/**
 * The iCalendar invite for a scheduled meeting, built with the `ics` library (never by hand). Times are UTC
 * instants; a cancelled meeting is METHOD:CANCEL + STATUS:CANCELLED with the same UID and a higher SEQUENCE.
 */
export function buildScheduleIcs(input: ScheduleIcsInput): string {
  const attributes: EventAttributes = {
    uid: input.uid,
    sequence: input.sequence,
    method: input.cancelled ? "CANCEL" : "REQUEST",
    status: input.cancelled ? "CANCELLED" : "CONFIRMED",
    productId: "confer/scheduling",
    title: input.title,
    description: `${input.organizationName} Meet meeting\nJoin: ${input.joinUrl}`,
    calName: input.organizationName,
    url: input.joinUrl,
    location: input.joinUrl,
    start: input.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: input.durationMinutes },
    organizer: withEmail(input.organizer),
    attendees: input.attendees.map((attendee) => ({
      ...withEmail(attendee),
      rsvp: true,
      partstat: "NEEDS-ACTION" as const,
      role: "REQ-PARTICIPANT" as const,
    })),
    ...(input.reminderMinutes > 0 && !input.cancelled
      ? { alarms: [{ action: "display" as const, description: `${input.title} starts in ${input.reminderMinutes} min`, trigger: { minutes: input.reminderMinutes, before: true } }] }
      : {}),
    ...(input.weeklyOccurrences > 1 ? { recurrenceRule: `FREQ=WEEKLY;COUNT=${input.weeklyOccurrences}` } : {}),
  };
  const { error, value } = createEvent(attributes);
  if (error || value === null) throw error ?? new Error("ics produced no calendar");
  return value;
}

// ics requires an email for ORGANIZER/ATTENDEE (mailto:); directory users without one get a name-only entry.
function withEmail(person: IcsPerson) {
  return person.email ? { name: person.name, email: person.email } : { name: person.name };
}
