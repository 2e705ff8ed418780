import { describe, expect, it } from "vitest";
import { fleetPoorQualityAlert, hourWindow, liveMeetingDegradedAlert } from "@/lib/domain/alerts/rules";

const minute = new Date("2026-11-24T19:12:00Z");
const live = (states: ("good" | "fair" | "poor" | "lost")[]) => ({
  meetingId: "m1",
  title: "Standup",
  minute,
  participants: states.map((state, i) => ({ participationId: `p${i}`, state })),
});

describe("liveMeetingDegradedAlert", () => {
  it("stays quiet with fewer than 3 degraded participants", () => {
    expect(liveMeetingDegradedAlert(live(["poor", "lost", "good", "fair"]))).toBeNull();
  });
  it("fires at 3 degraded participants (poor or lost) with a per-hour dedupe key", () => {
    const a = liveMeetingDegradedAlert(live(["poor", "lost", "poor", "good"]));
    expect(a?.severity).toBe("WARNING");
    expect(a?.dedupeKey).toBe("live-meeting-degraded:m1:2026-11-24T19");
    expect(a?.data.degraded).toEqual(["p0", "p1", "p2"]);
  });
  it("lists the degraded participants in a stable order, whatever order the facts came in", () => {
    const facts = live(["poor", "lost", "poor", "good"]);
    facts.participants.reverse();
    expect(liveMeetingDegradedAlert(facts)?.data.degraded).toEqual(["p0", "p1", "p2"]);
  });
  it("is critical when everyone is degraded", () => {
    expect(liveMeetingDegradedAlert(live(["poor", "poor", "lost"]))?.severity).toBe("CRITICAL");
  });
});

describe("fleetPoorQualityAlert", () => {
  const now = new Date("2026-11-24T19:30:00Z");
  const meetings = (poor: number, total: number) =>
    Array.from({ length: total }, (_, i) => ({ meetingId: `m${i}`, poor: i < poor }));
  it("needs strictly more than 20%", () => {
    expect(fleetPoorQualityAlert({ now, meetings: meetings(2, 10) })).toBeNull();
    expect(fleetPoorQualityAlert({ now, meetings: meetings(3, 10) })?.dedupeKey).toBe(
      "fleet-poor-quality:all:2026-11-24T19",
    );
  });
  it("ignores an empty hour", () => {
    expect(fleetPoorQualityAlert({ now, meetings: [] })).toBeNull();
  });
  it("windows by UTC hour", () => {
    expect(hourWindow(new Date("2026-11-24T00:59:59Z"))).toBe("2026-11-24T00");
  });
});
