import { describe, expect, it } from "vitest";
import type { QualitySampleInput } from "@/lib/internal-api/analytics-batch";
import { MINUTE_MS, minuteOf, rollupMinutes } from "@/lib/domain/quality/rollup-minutes";

const T0 = Date.UTC(2026, 10, 24, 10, 0, 0);

function sample(overrides: Partial<QualitySampleInput>): QualitySampleInput {
  return {
    meetingId: "m1",
    participantId: "alice",
    peerId: "bob",
    at: T0,
    lossPct: 0,
    jitterMs: 10,
    rttMs: 50,
    bitrateInKbps: 800,
    bitrateOutKbps: 900,
    frameWidth: 640,
    frameHeight: 360,
    fps: 30,
    qualityLimitation: "none",
    codec: "VP8",
    candidateType: "host",
    score: 3,
    ...overrides,
  };
}

describe("rollupMinutes", () => {
  it("floors timestamps to the minute", () => {
    expect(minuteOf(T0 + 59_999)).toBe(T0);
    expect(minuteOf(T0 + MINUTE_MS)).toBe(T0 + MINUTE_MS);
  });

  it("sums per reporter and minute, keeps the loss max, counts poor samples", () => {
    const { participantMinutes } = rollupMinutes([
      sample({ at: T0, lossPct: 2, score: 3 }),
      sample({ at: T0 + 5_000, lossPct: 12, score: 1, peerId: "carol" }),
      sample({ at: T0 + 10_000, lossPct: null, jitterMs: null, score: 0 }),
      sample({ at: T0 + MINUTE_MS, lossPct: 1 }),
    ]);
    expect(participantMinutes).toHaveLength(2);
    const first = participantMinutes.find((row) => row.minute === T0)!;
    expect(first).toMatchObject({
      participantId: "alice",
      samples: 3,
      poorSamples: 2,
      scoreSum: 4,
      lossPctSum: 14,
      lossPctMax: 12,
      jitterMsSum: 20,
      rttMsSum: 150,
      bitrateInKbpsSum: 2400,
      bitrateOutKbpsSum: 2700,
      fpsSum: 90,
    });
  });

  it("meeting minutes count distinct reporters and add up to the participant minutes", () => {
    const samples = [
      sample({ participantId: "alice", peerId: "bob" }),
      sample({ participantId: "alice", peerId: "carol", at: T0 + 5_000 }),
      sample({ participantId: "bob", peerId: "alice", rttMs: 80, score: 1 }),
      sample({ participantId: "bob", meetingId: "m2" }),
    ];
    const { participantMinutes, meetingMinutes } = rollupMinutes(samples);
    const m1 = meetingMinutes.find((row) => row.meetingId === "m1")!;
    expect(m1).toMatchObject({ minute: T0, samples: 3, poorSamples: 1, participants: 2, rttMsSum: 180 });
    expect(meetingMinutes.find((row) => row.meetingId === "m2")).toMatchObject({ samples: 1, participants: 1 });
    const m1Participants = participantMinutes.filter((row) => row.meetingId === "m1");
    expect(m1Participants.reduce((sum, row) => sum + row.samples, 0)).toBe(m1.samples);
    expect(m1Participants.reduce((sum, row) => sum + row.scoreSum, 0)).toBe(m1.scoreSum);
  });

  it("is additive: rolling up two halves and summing equals rolling up the whole", () => {
    const all = Array.from({ length: 40 }, (_, i) =>
      sample({ participantId: i % 2 ? "alice" : "bob", at: T0 + i * 5_000, lossPct: i % 7, score: i % 4 }),
    );
    const whole = rollupMinutes(all).participantMinutes;
    const a = rollupMinutes(all.slice(0, 17)).participantMinutes;
    const b = rollupMinutes(all.slice(17)).participantMinutes;
    for (const row of whole) {
      const parts = [...a, ...b].filter((r) => r.participantId === row.participantId && r.minute === row.minute);
      expect(parts.reduce((s, r) => s + r.samples, 0)).toBe(row.samples);
      expect(parts.reduce((s, r) => s + r.lossPctSum, 0)).toBe(row.lossPctSum);
      expect(Math.max(...parts.map((r) => r.lossPctMax))).toBe(row.lossPctMax);
    }
  });

  it("returns nothing for no samples", () => {
    expect(rollupMinutes([])).toEqual({ participantMinutes: [], meetingMinutes: [] });
  });
});
