import { describe, expect, it } from "vitest";
import { buildScheduleIcs, type ScheduleIcsInput } from "@/lib/calendar/schedule-ics";

const base: ScheduleIcsInput = {
  uid: "sched-123@confer",
  sequence: 0,
  title: "Quarterly review",
  organizationName: "Globex",
  startsAt: new Date("2026-12-01T14:30:00Z"),
  durationMinutes: 45,
  weeklyOccurrences: 1,
  joinUrl: "https://confer.example/rooms/quarterly-review-abcd",
  organizer: { name: "Alice Admin", email: "alice@confer.test" },
  attendees: [{ name: "Bob Builder", email: "bob@confer.test" }],
  cancelled: false,
  reminderMinutes: 10,
};

// Folded lines (RFC 5545 §3.1) are unfolded before matching.
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

describe("buildScheduleIcs", () => {
  it("describes the meeting with UID, SEQUENCE, UTC start, duration, join link, organizer and attendees", () => {
    const ics = unfold(buildScheduleIcs(base));
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("UID:sched-123@confer");
    expect(ics).toContain("SEQUENCE:0");
    expect(ics).toContain("DTSTART:20261201T143000Z");
    expect(ics).toContain("DURATION:PT45M");
    expect(ics).toContain("SUMMARY:Quarterly review");
    expect(ics).toContain("X-WR-CALNAME:Globex");
    expect(ics).toContain("DESCRIPTION:Globex Meet meeting\\nJoin: https://confer.example/rooms/quarterly-review-abcd");
    expect(ics).toContain("URL:https://confer.example/rooms/quarterly-review-abcd");
    expect(ics).toMatch(/ORGANIZER;CN="?Alice Admin"?:mailto:alice@confer.test/i);
    expect(ics).toMatch(/ATTENDEE;[^\r\n]*CN="?Bob Builder"?[^\r\n]*:mailto:bob@confer.test/i);
    expect(ics).toContain("STATUS:CONFIRMED");
    expect(ics).not.toContain("RRULE");
  });

  it("carries the reminder as a display VALARM before each occurrence, and none when reminders are off or it is cancelled", () => {
    const ics = unfold(buildScheduleIcs(base));
    expect(ics).toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Quarterly review starts in 10 min\r\nTRIGGER:-PT10M\r\nEND:VALARM/);
    expect(unfold(buildScheduleIcs({ ...base, reminderMinutes: 0 }))).not.toContain("VALARM");
    expect(unfold(buildScheduleIcs({ ...base, cancelled: true }))).not.toContain("VALARM");
  });

  it("adds a weekly RRULE with the occurrence count", () => {
    expect(unfold(buildScheduleIcs({ ...base, weeklyOccurrences: 6 }))).toContain("RRULE:FREQ=WEEKLY;COUNT=6");
  });

  it("keeps the UID and carries the new SEQUENCE after an edit", () => {
    const ics = unfold(buildScheduleIcs({ ...base, sequence: 3, title: "Moved review" }));
    expect(ics).toContain("UID:sched-123@confer");
    expect(ics).toContain("SEQUENCE:3");
    expect(ics).toContain("SUMMARY:Moved review");
  });

  it("marks a cancellation with METHOD:CANCEL and STATUS:CANCELLED", () => {
    const ics = unfold(buildScheduleIcs({ ...base, sequence: 4, cancelled: true }));
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain("SEQUENCE:4");
    expect(ics).not.toContain("METHOD:REQUEST");
  });
});
