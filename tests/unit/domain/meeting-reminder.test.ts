import { describe, expect, it } from "vitest";
import { offersJoinNow, reminderPhase, startsIn } from "@/lib/domain/meeting-reminder";

const startsAt = new Date("2026-12-03T10:00:00Z");
const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);
const occurrence = { startsAt, durationMinutes: 30, reminderMinutes: 15 };

describe("meeting reminders", () => {
  it("are due from the reminder until the start, then the meeting is live until its end", () => {
    expect(reminderPhase(occurrence, at(-16))).toBe("later");
    expect(reminderPhase(occurrence, at(-15))).toBe("soon");
    expect(reminderPhase(occurrence, at(-0.01))).toBe("soon");
    expect(reminderPhase(occurrence, at(0))).toBe("live");
    expect(reminderPhase(occurrence, at(29.9))).toBe("live");
    expect(reminderPhase(occurrence, at(30))).toBe("over");
  });

  it("never come when the room turned them off", () => {
    expect(reminderPhase({ ...occurrence, reminderMinutes: 0 }, at(-1))).toBe("later");
    expect(reminderPhase({ ...occurrence, reminderMinutes: 0 }, at(1))).toBe("live");
  });

  it("offer Join now from ten minutes before the start until the end, whatever the reminder", () => {
    expect(offersJoinNow(occurrence, at(-10.5))).toBe(false);
    expect(offersJoinNow(occurrence, at(-10))).toBe(true);
    expect(offersJoinNow(occurrence, at(29))).toBe(true);
    expect(offersJoinNow(occurrence, at(30))).toBe(false);
  });

  it("word the time to the start", () => {
    expect(startsIn(startsAt, at(-4))).toBe("in 4 min");
    expect(startsIn(startsAt, at(0.2))).toBe("now");
    expect(startsIn(startsAt, at(5))).toBe("5 min ago");
  });
});
