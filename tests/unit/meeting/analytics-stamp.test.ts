import { describe, expect, it } from "vitest";
import { MAX_CLOCK_SKEW_MS, stampFeature, stampSamples } from "@/lib/meeting/analytics-stamp";
import { qualitySampleSchema, featureEventSchema } from "@/lib/internal-api/analytics-batch";
import type { PeerQualitySample } from "@/lib/signaling/analytics-messages";

const now = 1_700_000_000_000;
const ids = { meetingId: "meeting-1", participantId: "alice" };
const sample = (peerId: string, at: number): PeerQualitySample => ({
  peerId, at, lossPct: 20, jitterMs: 8, rttMs: 60, bitrateInKbps: 300, bitrateOutKbps: 200, frameWidth: 640, frameHeight: 360,
  fps: 15, qualityLimitation: "bandwidth", codec: "VP8", candidateType: "relay", score: 1,
});

describe("stampSamples", () => {
  it("takes identity from the caller, keeps plausible browser times and replaces skewed ones", () => {
    const stamped = stampSamples(ids, [sample("bob", now - 2_000), sample("carol", now - MAX_CLOCK_SKEW_MS - 1)], now);
    expect(stamped.map((s) => [s.participantId, s.peerId, s.at])).toEqual([["alice", "bob", now - 2_000], ["alice", "carol", now]]);
    for (const s of stamped) expect(qualitySampleSchema.parse(s)).toMatchObject({ meetingId: "meeting-1" });
  });

  it("drops a sample that claims to measure the sender itself", () => {
    expect(stampSamples(ids, [sample("alice", now)], now)).toEqual([]);
  });
});

describe("stampFeature", () => {
  it("stamps the party's time and fits the ingest contract", () => {
    const feature = stampFeature(ids, { type: "feature", feature: "layout", detail: "speaker" }, now);
    expect(featureEventSchema.parse(feature)).toEqual({ ...ids, at: now, feature: "layout", detail: "speaker" });
  });
});
