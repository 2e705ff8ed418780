import { describe, expect, it } from "vitest";
import { toQualitySample } from "@/lib/domain/quality-sample";
import type { StatsSummary } from "@/lib/domain/stats-summary";
import { peerQualitySampleSchema, qualitySamplesMessageSchema, featureMessageSchema } from "@/lib/signaling/analytics-messages";

const stream = { mid: "1", codec: "VP9", width: 640, height: 360, framesPerSecond: 20, bitrateKbps: 400 };

function summary(overrides: Partial<StatsSummary> = {}): StatsSummary {
  return {
    timestamp: 1_700_000_000_123.4,
    rttMs: 40,
    transport: { iceState: "connected", packetsReceived: 300, localCandidateType: "relay", remoteCandidateType: "host", relayProtocol: "udp", availableOutgoingKbps: 2_500 },
    inbound: { packetLossPercent: 2, jitterMs: 5, bitrateKbps: 432, audioLevel: 0.1, audioCodec: "opus", video: [stream] },
    outbound: {
      packetLossPercent: 18,
      bitrateKbps: 300,
      audioCodec: "opus",
      video: [
        { ...stream, mid: "1", width: 320, height: 180, qualityLimitationReason: "bandwidth" },
        { ...stream, mid: "2", qualityLimitationReason: "cpu" },
      ],
    },
    ...overrides,
  };
}

describe("toQualitySample", () => {
  it("keeps the inbound loss only, the largest received video, the worst limitation and our candidate type", () => {
    const sample = toQualitySample(summary(), "poor");
    // 18 % outbound loss is the peer's inbound loss: its own sample reports it, this one must not blame this link's receiver side.
    expect(sample).toEqual({
      at: 1_700_000_000_123,
      lossPct: 2,
      jitterMs: 5,
      rttMs: 40,
      bitrateInKbps: 432,
      bitrateOutKbps: 300,
      frameWidth: 640,
      frameHeight: 360,
      fps: 20,
      qualityLimitation: "cpu",
      codec: "VP9",
      candidateType: "relay",
      score: 1,
    });
    expect(peerQualitySampleSchema.parse({ peerId: "p1", ...sample })).toBeTruthy();
  });

  it("falls back to sent video, then the audio codec, and keeps unknowns null", () => {
    const noInbound = summary({ inbound: { packetLossPercent: null, jitterMs: null, bitrateKbps: null, audioLevel: null, audioCodec: "opus", video: [] } });
    const sample = toQualitySample({ ...noInbound, outbound: { packetLossPercent: null, bitrateKbps: null, audioCodec: "opus", video: [] } }, "lost");
    expect(sample).toMatchObject({ lossPct: null, frameWidth: null, fps: null, qualityLimitation: null, codec: "opus", score: 0 });
    const sentOnly = toQualitySample({ ...noInbound }, "excellent");
    expect(sentOnly).toMatchObject({ frameWidth: 640, frameHeight: 360, lossPct: null, score: 3 });
  });
});

describe("toQualitySample bounds", () => {
  it("turns non-finite figures into unknowns and clamps out-of-range ones so the message still validates", () => {
    const odd = summary({ rttMs: Number.NaN, inbound: { packetLossPercent: -3, jitterMs: Infinity, bitrateKbps: 2e7, audioLevel: null, audioCodec: "opus", video: [{ ...stream, width: 640.4 }] } });
    const sample = toQualitySample({ ...odd, outbound: { ...odd.outbound, packetLossPercent: null } }, "good");
    expect(sample).toMatchObject({ rttMs: null, lossPct: 0, jitterMs: null, bitrateInKbps: 10_000_000, frameWidth: 640 });
    expect(peerQualitySampleSchema.safeParse({ peerId: "p", ...sample }).success).toBe(true);
  });
});

describe("analytics client messages", () => {
  it("rejects a sample batch with nonsense or too many peers, and unknown features", () => {
    const one = { peerId: "p", ...toQualitySample(summary(), "good") };
    expect(qualitySamplesMessageSchema.safeParse({ type: "quality-samples", samples: [one] }).success).toBe(true);
    expect(qualitySamplesMessageSchema.safeParse({ type: "quality-samples", samples: [{ ...one, lossPct: 101 }] }).success).toBe(false);
    expect(qualitySamplesMessageSchema.safeParse({ type: "quality-samples", samples: Array(25).fill(one) }).success).toBe(false);
    expect(qualitySamplesMessageSchema.safeParse({ type: "quality-samples", samples: [] }).success).toBe(false);
    expect(featureMessageSchema.safeParse({ type: "feature", feature: "blur", detail: "on" }).success).toBe(true);
    expect(featureMessageSchema.safeParse({ type: "feature", feature: "teleport", detail: null }).success).toBe(false);
  });
});
