import { describe, expect, it } from "vitest";
import type { StatsSummary } from "@/lib/domain/stats-summary";
import { ownConnectionQuality, qualityReport, worseQuality } from "@/lib/meeting-client/state/local-quality";
import { qualitySummarySchema } from "@/lib/signaling";

function summary(overrides: { rttMs?: number | null; inLoss?: number | null; outLoss?: number | null; jitterMs?: number | null; inKbps?: number | null; outKbps?: number | null }): StatsSummary {
  return {
    timestamp: 0,
    rttMs: overrides.rttMs ?? null,
    transport: { iceState: "connected", packetsReceived: 10, localCandidateType: "host", remoteCandidateType: "host", relayProtocol: null, availableOutgoingKbps: null },
    inbound: { packetLossPercent: overrides.inLoss ?? null, jitterMs: overrides.jitterMs ?? null, bitrateKbps: overrides.inKbps ?? null, audioLevel: null, audioCodec: null, video: [] },
    outbound: { packetLossPercent: overrides.outLoss ?? null, bitrateKbps: overrides.outKbps ?? null, audioCodec: null, video: [] },
  };
}

describe("qualityReport", () => {
  it("is null before any stats", () => {
    expect(qualityReport([])).toBeNull();
  });

  it("takes the level all links share, the worst loss and jitter, the mean round trip and total bitrates", () => {
    const report = qualityReport([
      { rating: { score: 90, quality: "excellent" }, summary: summary({ rttMs: 20, inLoss: 0.5, outLoss: 3, jitterMs: 4, inKbps: 800, outKbps: 900 }) },
      { rating: { score: 55, quality: "good" }, summary: summary({ rttMs: 41, inLoss: 1, outLoss: null, jitterMs: 12, inKbps: 300, outKbps: null }) },
    ]);
    expect(report).toEqual({ level: "excellent", summary: { lossPct: 3, rttMs: 30.5, jitterMs: 12, bitrateInKbps: 1100, bitrateOutKbps: 900 } });
    expect(qualitySummarySchema.safeParse(report!.summary).success).toBe(true);
  });

  it("keeps unknown figures null, as the protocol expects", () => {
    expect(qualityReport([{ rating: { score: 0, quality: "lost" }, summary: summary({}) }])).toEqual({
      level: "lost",
      summary: { lossPct: null, rttMs: null, jitterMs: null, bitrateInKbps: null, bitrateOutKbps: null },
    });
  });
});

describe("worseQuality", () => {
  it("orders lost < poor < good < excellent, with null as unknown", () => {
    expect(worseQuality("good", "poor")).toBe("poor");
    expect(worseQuality("lost", "excellent")).toBe("lost");
    expect(worseQuality(null, "good")).toBe("good");
    expect(worseQuality(null, null)).toBeNull();
  });
});

describe("ownConnectionQuality", () => {
  it("is poor only when every link is: one poor link is the other side's problem", () => {
    expect(ownConnectionQuality(["poor", "good", "excellent"])).toBe("excellent");
    expect(ownConnectionQuality(["poor", "lost", "poor"])).toBe("poor");
    expect(ownConnectionQuality(["lost"])).toBe("lost");
    expect(ownConnectionQuality([])).toBeNull();
  });
});
