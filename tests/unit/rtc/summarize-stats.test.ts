import { describe, expect, it } from "vitest";
import { summarizeStats, type RtcStatsEntry } from "@/lib/rtc/summarize-stats";
import { chromeReport, clean, cleanAfter, cpuLimited, lossy, relay } from "./fixtures/chrome-stats";

const INTERVAL_MS = 2_000;

describe("summarizeStats", () => {
  it("summarizes a clean loopback call", () => {
    expect(summarizeStats(clean.previous, clean.current, INTERVAL_MS)).toEqual({
      timestamp: 1_795_531_392_000,
      rttMs: 1,
      transport: {
        iceState: "connected",
        packetsReceived: 300,
        localCandidateType: "host",
        remoteCandidateType: "host",
        relayProtocol: null,
        availableOutgoingKbps: 2_500,
      },
      inbound: {
        packetLossPercent: 0,
        jitterMs: 2,
        // 8 000 audio + 100 000 video bytes in 2 s.
        bitrateKbps: 432,
        audioLevel: expect.closeTo(0.1, 10),
        audioCodec: "opus",
        // The silent screen slot is left out.
        video: [{ mid: "1", codec: "VP9", width: 640, height: 360, framesPerSecond: 20, bitrateKbps: 400 }],
      },
      outbound: {
        packetLossPercent: 0,
        bitrateKbps: 432,
        audioCodec: "opus",
        video: [{ mid: "1", codec: "VP9", width: 640, height: 360, framesPerSecond: 20, bitrateKbps: 400, qualityLimitationReason: "none" }],
      },
    });
  });

  it("measures loss both ways on a lossy call", () => {
    const summary = summarizeStats(lossy.previous, lossy.current, INTERVAL_MS);
    // 15 of 300 inbound packets lost; the peer reports 2 % of 100 audio and 9.5 % of 400 video packets.
    expect(summary.inbound.packetLossPercent).toBeCloseTo(5, 10);
    expect(summary.outbound.packetLossPercent).toBeCloseTo(8, 10);
    expect(summary.rttMs).toBeCloseTo(180, 10);
    expect(summary.inbound.jitterMs).toBeCloseTo(30, 10);
    expect(summary.transport.availableOutgoingKbps).toBe(600);
    expect(summary.outbound.video).toEqual([
      { mid: "1", codec: "VP9", width: 480, height: 270, framesPerSecond: 15, bitrateKbps: 480, qualityLimitationReason: "bandwidth" },
    ]);
  });

  it("names relay candidates and how the TURN server is reached", () => {
    expect(summarizeStats(relay.previous, relay.current, INTERVAL_MS)).toMatchObject({
      rttMs: 4,
      transport: { localCandidateType: "relay", remoteCandidateType: "relay", relayProtocol: "udp", iceState: "connected" },
    });
  });

  it("reports a cpu-limited encoder with its reduced resolution and frame rate", () => {
    expect(summarizeStats(cpuLimited.previous, cpuLimited.current, INTERVAL_MS).outbound.video).toEqual([
      { mid: "1", codec: "VP9", width: 320, height: 180, framesPerSecond: 10, bitrateKbps: 120, qualityLimitationReason: "cpu" },
    ]);
  });

  it("on the first report, knows no rates but counts losses since each stream began", () => {
    const summary = summarizeStats(undefined, lossy.current, 0);
    expect(summary.inbound.bitrateKbps).toBeNull();
    expect(summary.outbound.bitrateKbps).toBeNull();
    expect(summary.transport.packetsReceived).toBeNull();
    expect(summary.inbound.video.map((stream) => stream.bitrateKbps)).toEqual([null]);
    // 15 lost against 595 + 590 + 1 received.
    expect(summary.inbound.packetLossPercent).toBeCloseTo((100 * 15) / 1_201, 10);
    // No energy delta yet: the instantaneous level.
    expect(summary.inbound.audioLevel).toBe(0.1);
  });

  it("counts a stream whose counters went backwards (new SSRC after renegotiation) from zero", () => {
    const current = chromeReport({ ...cleanAfter, inboundVideo: { ...cleanAfter.inboundVideo!, bytesReceived: 50_000 } });
    expect(summarizeStats(clean.previous, current, INTERVAL_MS).inbound.video[0]?.bitrateKbps).toBe(200);
  });

  it("falls back to the peer's receiver reports for RTT when the pair has no measurement", () => {
    const current = chromeReport({
      ...cleanAfter,
      pairRtt: undefined,
      remoteInbound: { audio: { fractionLost: 0, roundTripTime: 0.02 }, video: { fractionLost: 0, roundTripTime: 0.04 } },
    });
    expect(summarizeStats(clean.previous, current, INTERVAL_MS).rttMs).toBeCloseTo(30, 10);
  });

  it("finds the selected pair Firefox's way, and infers a connected transport from it", () => {
    const firefoxLike = (report: RtcStatsEntry[]): RtcStatsEntry[] =>
      report.map((entry) => {
        if (entry.type === "transport") {
          const chromeOnly = new Set(["selectedCandidatePairId", "iceState"]);
          return Object.fromEntries(Object.entries(entry).filter(([field]) => !chromeOnly.has(field))) as RtcStatsEntry;
        }
        return entry.id === "CPPoQVg4oG_lwQ1Tp7U" ? { ...entry, selected: true } : entry;
      });
    const summary = summarizeStats(firefoxLike(relay.previous), firefoxLike(relay.current), INTERVAL_MS);
    expect(summary.transport).toMatchObject({ iceState: "connected", localCandidateType: "relay", remoteCandidateType: "relay" });
    expect(summary.rttMs).toBe(4);
  });

  it("has no transport facts before ICE has a transport", () => {
    const summary = summarizeStats(undefined, [], 0);
    expect(summary.transport).toEqual({
      iceState: null,
      packetsReceived: null,
      localCandidateType: null,
      remoteCandidateType: null,
      relayProtocol: null,
      availableOutgoingKbps: null,
    });
    expect(summary.inbound).toMatchObject({ packetLossPercent: null, jitterMs: null, audioLevel: null, video: [] });
    expect(summary.outbound.packetLossPercent).toBeNull();
  });
});
