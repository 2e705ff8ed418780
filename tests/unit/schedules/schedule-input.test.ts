import { describe, expect, it } from "vitest";
import { createScheduleInputSchema, nextOccurrence, updateScheduleInputSchema } from "@/lib/domain/schedule-input";

const series = { startsAt: new Date("2026-03-23T08:00:00Z"), durationMinutes: 30, weeklyOccurrences: 3, timeZone: "Europe/Paris" };

describe("nextOccurrence", () => {
  it("is the first start while it has not ended", () => {
    expect(nextOccurrence(series, new Date("2026-03-23T08:20:00Z"))?.toISOString()).toBe("2026-03-23T08:00:00.000Z");
  });
  it("keeps the organizer's wall clock across a DST change (09:00 Paris → 07:00Z in summer)", () => {
    expect(nextOccurrence(series, new Date("2026-03-24T00:00:00Z"))?.toISOString()).toBe("2026-03-30T07:00:00.000Z");
  });
  it("is null once the series is over", () => {
    expect(nextOccurrence(series, new Date("2026-04-07T00:00:00Z"))).toBeNull();
  });
});

describe("schedule input", () => {
  const valid = { title: "Sync", templateId: "t1", startsAt: "2026-12-01T10:00:00Z", durationMinutes: 30, timeZone: "America/New_York" };
  it("accepts a valid schedule with defaults", () => {
    expect(createScheduleInputSchema.parse(valid)).toMatchObject({ weeklyOccurrences: 1, inviteeIds: [], visibility: "INVITE_ONLY" });
  });
  it("refuses unknown zones, bad durations and too many occurrences", () => {
    expect(createScheduleInputSchema.safeParse({ ...valid, timeZone: "Mars/Olympus" }).success).toBe(false);
    expect(createScheduleInputSchema.safeParse({ ...valid, durationMinutes: 0 }).success).toBe(false);
    expect(createScheduleInputSchema.safeParse({ ...valid, weeklyOccurrences: 53 }).success).toBe(false);
    expect(updateScheduleInputSchema.safeParse({}).success).toBe(false);
  });
});
