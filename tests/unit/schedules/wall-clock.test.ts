import { describe, expect, it } from "vitest";
import { utcToZonedWallClock, zonedWallClockToUtc } from "@/components/schedules/wall-clock";

describe("zonedWallClockToUtc", () => {
  it("converts a wall clock in a zone to its UTC instant, on both sides of a DST change", () => {
    expect(zonedWallClockToUtc("2026-12-01", "09:00", "Europe/Paris")?.toISOString()).toBe("2026-12-01T08:00:00.000Z");
    expect(zonedWallClockToUtc("2026-07-01", "09:00", "Europe/Paris")?.toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(zonedWallClockToUtc("2026-07-01", "09:00", "America/New_York")?.toISOString()).toBe("2026-07-01T13:00:00.000Z");
    expect(zonedWallClockToUtc("2026-07-01", "09:00", "UTC")?.toISOString()).toBe("2026-07-01T09:00:00.000Z");
  });

  it("lands one offset later inside a DST gap", () => {
    // 02:30 does not exist in Paris on 2026-03-29; calendars move it to 03:30 local = 01:30Z.
    expect(zonedWallClockToUtc("2026-03-29", "02:30", "Europe/Paris")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("rejects malformed input and unknown zones", () => {
    expect(zonedWallClockToUtc("2026-7-1", "09:00", "UTC")).toBeNull();
    expect(zonedWallClockToUtc("2026-07-01", "9am", "UTC")).toBeNull();
    expect(zonedWallClockToUtc("2026-07-01", "09:00", "Mars/Olympus")).toBeNull();
  });
});

describe("utcToZonedWallClock", () => {
  it("shows an instant as the wall clock of its zone, and round-trips", () => {
    expect(utcToZonedWallClock(new Date("2026-12-01T08:00:00Z"), "Europe/Paris")).toEqual({ date: "2026-12-01", time: "09:00" });
    expect(utcToZonedWallClock(new Date("2026-07-01T02:30:00Z"), "America/New_York")).toEqual({ date: "2026-06-30", time: "22:30" });
    const { date, time } = utcToZonedWallClock(new Date("2026-07-01T07:00:00Z"), "Europe/Paris");
    expect(zonedWallClockToUtc(date, time, "Europe/Paris")?.toISOString()).toBe("2026-07-01T07:00:00.000Z");
  });

  it("reads unknown zones as UTC", () => {
    expect(utcToZonedWallClock(new Date("2026-07-01T07:05:00Z"), "Mars/Olympus")).toEqual({ date: "2026-07-01", time: "07:05" });
  });
});
