import { describe, expect, it } from "vitest";
import { defaultRoomPolicy, type RoomPolicy } from "@/lib/domain/room-policy";
import { addWeeksInZone, isRoomExpired, roomExpiresAt, type RoomExpiryFacts, type ScheduledMeetingFacts } from "@/lib/domain/room-expiry";

const DAY = 24 * 60 * 60 * 1000;
const created = new Date("2026-01-10T12:00:00Z");

function room(expiry: RoomPolicy["expiry"], extra: Partial<RoomExpiryFacts> = {}): RoomExpiryFacts {
  return { policy: { ...defaultRoomPolicy, expiry }, createdAt: created, lastMeetingEndedAt: null, scheduledMeetings: [], ...extra };
}

function scheduled(startsAt: string, extra: Partial<ScheduledMeetingFacts> = {}): ScheduledMeetingFacts {
  return { startsAt: new Date(startsAt), durationMinutes: 60, timeZone: "UTC", weeklyOccurrences: 1, cancelledAt: null, ...extra };
}

describe("roomExpiresAt", () => {
  it("never expires under the 'never' policy", () => {
    expect(roomExpiresAt(room({ kind: "never" }, { lastMeetingEndedAt: created }))).toBeNull();
  });

  it("counts 'after-last-meeting' from the last meeting's end", () => {
    const ended = new Date("2026-02-01T10:00:00Z");
    expect(roomExpiresAt(room({ kind: "after-last-meeting", days: 3 }, { lastMeetingEndedAt: ended }))).toEqual(
      new Date(ended.getTime() + 3 * DAY),
    );
  });

  it("counts 'after-last-meeting' from creation when the room never met", () => {
    expect(roomExpiresAt(room({ kind: "after-last-meeting", days: 2 }))).toEqual(new Date(created.getTime() + 2 * DAY));
  });

  it("counts 'after-scheduled-end' from the latest non-cancelled end", () => {
    const facts = room(
      { kind: "after-scheduled-end", days: 1 },
      {
        scheduledMeetings: [
          scheduled("2026-03-01T09:00:00Z", { durationMinutes: 30 }),
          scheduled("2026-03-05T09:00:00Z", { durationMinutes: 90 }),
          scheduled("2026-04-01T09:00:00Z", { cancelledAt: new Date("2026-02-01T00:00:00Z") }),
        ],
      },
    );
    expect(roomExpiresAt(facts)).toEqual(new Date(new Date("2026-03-05T10:30:00Z").getTime() + DAY));
  });

  it("includes every weekly occurrence", () => {
    const facts = room({ kind: "after-scheduled-end", days: 0 }, { scheduledMeetings: [scheduled("2026-03-02T09:00:00Z", { weeklyOccurrences: 4 })] });
    expect(roomExpiresAt(facts)).toEqual(new Date("2026-03-23T10:00:00Z"));
  });

  it("has no deadline under 'after-scheduled-end' with nothing scheduled", () => {
    expect(roomExpiresAt(room({ kind: "after-scheduled-end", days: 1 }))).toBeNull();
    const allCancelled = room({ kind: "after-scheduled-end", days: 1 }, { scheduledMeetings: [scheduled("2026-03-01T09:00:00Z", { cancelledAt: created })] });
    expect(roomExpiresAt(allCancelled)).toBeNull();
  });
});

describe("addWeeksInZone", () => {
  it("keeps the wall-clock time across a DST change", () => {
    // 09:00 in Paris on 2026-03-23 is 08:00Z (CET); three weeks later (after the 29 March switch) 09:00 is 07:00Z.
    expect(addWeeksInZone(new Date("2026-03-23T08:00:00Z"), 3, "Europe/Paris")).toEqual(new Date("2026-04-13T07:00:00Z"));
    expect(addWeeksInZone(new Date("2026-10-19T13:00:00Z"), 2, "America/New_York")).toEqual(new Date("2026-11-02T14:00:00Z"));
  });

  it("is plain week arithmetic in UTC", () => {
    expect(addWeeksInZone(new Date("2026-03-23T08:00:00Z"), 2, "UTC")).toEqual(new Date("2026-04-06T08:00:00Z"));
  });
});

describe("isRoomExpired", () => {
  it("is due at and after the expiry instant", () => {
    const facts = room({ kind: "after-last-meeting", days: 1 });
    const at = created.getTime() + DAY;
    expect(isRoomExpired(facts, new Date(at - 1))).toBe(false);
    expect(isRoomExpired(facts, new Date(at))).toBe(true);
    expect(isRoomExpired(room({ kind: "never" }), new Date(at * 2))).toBe(false);
  });
});
