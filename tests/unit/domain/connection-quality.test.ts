import { describe, expect, it } from "vitest";
import { isConnectionLost, qualityForScore, rateConnection, scoreInterval } from "@/lib/domain/connection-quality";
import type { StatsSummary } from "@/lib/domain/stats-summary";

type Overrides = {
  rttMs?: number | null;
  jitterMs?: number | null;
  inboundLoss?: number | null;
  outboundLoss?: number | null;
  video?: boolean;
  iceState?: string | null;
  packetsReceived?: number | null;
  sending?: { kbps: number; limitation: "none" | "cpu" | "bandwidth" } | null;
};

/** A one-to-one call's summary: video both ways unless `video: false`. */
function summary({ rttMs = 20, jitterMs = 2, inboundLoss = 0, outboundLoss = 0, video = true, iceState = "connected", packetsReceived = 300, sending = null }: Overrides = {}): StatsSummary {
  const stream = { mid: "1", codec: "VP9", width: 640, height: 360, framesPerSecond: 20, bitrateKbps: 400 };
  return {
    timestamp: 0,
    rttMs,
    transport: { iceState, packetsReceived, localCandidateType: "host", remoteCandidateType: "host", relayProtocol: null, availableOutgoingKbps: 2_500 },
    inbound: { packetLossPercent: inboundLoss, jitterMs, bitrateKbps: 432, audioLevel: 0.1, audioCodec: "opus", video: video ? [stream] : [] },
    outbound: {
      packetLossPercent: outboundLoss,
      bitrateKbps: 432,
      audioCodec: "opus",
      video: video ? [{ ...stream, bitrateKbps: sending?.kbps ?? 400, qualityLimitationReason: sending?.limitation ?? "none" }] : [],
    },
  };
}

const quality = (overrides: Overrides, targetVideoKbps?: number) => rateConnection(summary(overrides), { targetVideoKbps }).quality;

describe("connection quality", () => {
  it("maps scores to levels at LiveKit's boundaries: above 80 excellent, above 40 good", () => {
    expect([qualityForScore(100), qualityForScore(80.1), qualityForScore(80), qualityForScore(40.1), qualityForScore(40), qualityForScore(0)]).toEqual([
      "excellent",
      "excellent",
      "good",
      "good",
      "poor",
      "poor",
    ]);
  });

  it("rates a clean call excellent", () => {
    expect(rateConnection(summary())).toEqual({ score: expect.closeTo(99.65, 5), quality: "excellent" });
  });

  it("with video, turns good past 2 % loss and poor past 6 %, in either direction", () => {
    const delayFree = { rttMs: 0, jitterMs: 0 };
    expect(quality({ ...delayFree, inboundLoss: 1.9 })).toBe("excellent");
    expect(quality({ ...delayFree, inboundLoss: 2.1 })).toBe("good");
    expect(quality({ ...delayFree, outboundLoss: 5.9 })).toBe("good");
    expect(quality({ ...delayFree, outboundLoss: 6.1 })).toBe("poor");
  });

  it("forgives audio-only loss more, since Opus FEC repairs it: good past 3.75 %, poor past 11.25 %", () => {
    const audioOnly = { rttMs: 0, jitterMs: 0, video: false };
    expect(quality({ ...audioOnly, inboundLoss: 3.7 })).toBe("excellent");
    expect(quality({ ...audioOnly, inboundLoss: 3.8 })).toBe("good");
    expect(quality({ ...audioOnly, inboundLoss: 11.2 })).toBe("good");
    expect(quality({ ...audioOnly, inboundLoss: 11.3 })).toBe("poor");
  });

  it("costs delay little until RTT/2 + 2·jitter passes 160 ms, then 1 point per 10 ms", () => {
    expect(scoreInterval(summary({ rttMs: 100, jitterMs: 10 }))).toBeCloseTo(100 - 70 / 40, 10);
    expect(scoreInterval(summary({ rttMs: 400, jitterMs: 0 }))).toBeCloseTo(92, 10);
    // Delay alone hardly makes a call poor: RTT 1 s with 100 ms jitter still scores 100 − 58 = 42.
    expect(quality({ rttMs: 1_000, jitterMs: 100 })).toBe("good");
    expect(quality({ rttMs: 1_500, jitterMs: 0 })).toBe("poor");
  });

  it("counts sending far below the target against quality only when bandwidth is the reason", () => {
    // 1500 kbps wanted, 300 sent: 100 − 20·ln 5 ≈ 67.8.
    expect(scoreInterval(summary({ rttMs: 0, jitterMs: 0, sending: { kbps: 300, limitation: "bandwidth" } }), 1_500)).toBeCloseTo(100 - 20 * Math.log(5), 10);
    expect(quality({ sending: { kbps: 600, limitation: "bandwidth" } }, 1_500)).toBe("excellent");
    expect(quality({ sending: { kbps: 50, limitation: "bandwidth" } }, 1_500)).toBe("poor");
    expect(quality({ sending: { kbps: 50, limitation: "cpu" } }, 1_500)).toBe("excellent");
    expect(quality({ sending: { kbps: 50, limitation: "bandwidth" } })).toBe("excellent");
  });

  it("calls a connection lost when ICE is not up or nothing at all arrived", () => {
    for (const iceState of ["disconnected", "failed", "checking", null]) {
      expect(isConnectionLost(summary({ iceState }))).toBe(true);
      expect(rateConnection(summary({ iceState }), { previousScore: 100 })).toEqual({ score: 0, quality: "lost" });
    }
    expect(quality({ packetsReceived: 0 })).toBe("lost");
    expect(quality({ iceState: "completed" })).toBe("excellent");
    // First interval: the packet count is unknown, not zero.
    expect(quality({ packetsReceived: null })).toBe("excellent");
  });

  it("shows a drop at once but makes recovery earn its way back", () => {
    const bad = summary({ rttMs: 0, jitterMs: 0, inboundLoss: 9 }); // 10
    const good = summary({ rttMs: 0, jitterMs: 0 }); // 100
    expect(rateConnection(bad, { previousScore: 100 })).toEqual({ score: expect.closeTo(37, 10), quality: "poor" });
    expect(rateConnection(good, { previousScore: 37 })).toEqual({ score: expect.closeTo(62.2, 10), quality: "good" });
    expect(rateConnection(good, { previousScore: 62.2 }).score).toBeCloseTo(77.32, 10);
    // After "lost" (0), recovery starts from the floor of 20.
    expect(rateConnection(good, { previousScore: 0 }).score).toBeCloseTo(52, 10);
  });

  it("never leaves 0–100", () => {
    expect(scoreInterval(summary({ inboundLoss: 100, rttMs: 5_000 }))).toBe(0);
    expect(scoreInterval(summary({ rttMs: 0, jitterMs: 0 }))).toBe(100);
  });
});
